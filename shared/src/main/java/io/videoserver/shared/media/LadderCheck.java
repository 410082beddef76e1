package io.videoserver.shared.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.videoserver.shared.store.VideoLayout;

/**
 * Checks what ffmpeg wrote before anyone publishes it: only files the store may name, and
 * playlists that refer to those files and nothing else (a newer ffmpeg naming things
 * differently must fail a transcode, not publish a broken ladder).
 */
final class LadderCheck {

	private static final Pattern MAP_URI = Pattern.compile("#EXT-X-MAP:URI=\"([^\"]*)\"");

	private LadderCheck() {
	}

	/**
	 * @return the ladder's file names, sorted
	 * @throws IOException when a file or a reference is not what the ladder may hold
	 */
	static List<String> files(Path dir, List<Rendition> rungs) throws IOException {
		Set<String> present = new HashSet<>();
		try (Stream<Path> entries = Files.list(dir)) {
			for (Path entry : (Iterable<Path>) entries::iterator) {
				String name = entry.getFileName().toString();
				if (!VideoLayout.isHlsFile(name) || !Files.isRegularFile(entry)) {
					throw new IOException("ffmpeg wrote " + name + ", which a ladder may not hold");
				}
				present.add(name);
			}
		}
		List<String> master = references(dir, VideoLayout.MASTER_PLAYLIST, present);
		List<String> expected = rungs.stream().map(Rendition::playlist).toList();
		if (!master.equals(expected)) {
			throw new IOException("The master playlist lists " + master + ", not " + expected);
		}
		Set<String> referenced = new HashSet<>(master);
		referenced.add(VideoLayout.MASTER_PLAYLIST);
		for (String playlist : master) {
			referenced.addAll(references(dir, playlist, present));
		}
		if (!referenced.equals(present)) {
			throw new IOException("The ladder holds files no playlist refers to: " + difference(present, referenced));
		}
		return present.stream().sorted().toList();
	}

	/** The files a playlist refers to, each of which must be there. */
	static List<String> references(Path dir, String playlist, Set<String> present) throws IOException {
		if (!present.contains(playlist)) {
			throw new IOException("ffmpeg did not write " + playlist);
		}
		List<String> uris = new ArrayList<>();
		for (String line : Files.readAllLines(dir.resolve(playlist))) {
			Matcher map = MAP_URI.matcher(line);
			if (map.find()) {
				uris.add(map.group(1));
			}
			else if (!line.isBlank() && !line.startsWith("#")) {
				uris.add(line.strip());
			}
			else if (line.contains("URI=")) {
				throw new IOException(playlist + " refers to something unexpected: " + line);
			}
		}
		for (String uri : uris) {
			if (!present.contains(uri)) {
				throw new IOException(playlist + " refers to " + uri + ", which is not a file of the ladder");
			}
		}
		return uris;
	}

	/** Removes a directory and everything in it, if it is there. */
	static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> tree = Files.walk(dir)) {
			for (Path path : (Iterable<Path>) tree.sorted(Comparator.reverseOrder())::iterator) {
				Files.deleteIfExists(path);
			}
		}
	}

	private static Set<String> difference(Set<String> all, Set<String> some) {
		Set<String> rest = new HashSet<>(all);
		rest.removeAll(some);
		return rest;
	}

}
