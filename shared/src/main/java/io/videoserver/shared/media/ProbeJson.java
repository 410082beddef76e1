package io.videoserver.shared.media;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON of {@code ffprobe -print_format json -show_format -show_streams} into a
 * {@link MediaInfo}, apart from running the program so that the rules (which stream,
 * which rotation, what counts as a variable frame rate) are tested on samples.
 */
final class ProbeJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Base and average rates further apart than this mean frames at uneven intervals. */
	private static final double VARIABLE_RATE_TOLERANCE = 0.01;

	private ProbeJson() {
	}

	static MediaInfo parse(String json) throws NotAVideoException {
		JsonNode root;
		try {
			root = JSON.readTree(json);
		}
		catch (JacksonException ex) {
			throw new NotAVideoException("The file could not be read as a video: ffprobe gave no description");
		}
		String container = root.path("format").path("format_name").asString("");
		if (container.equals("image2") || container.endsWith("_pipe")) {
			throw new NotAVideoException("The file is a still image, not a video");
		}
		JsonNode video = firstStream(root, "video")
			.orElseThrow(() -> new NotAVideoException("The file has no video stream"));
		int width = video.path("width").asInt(0);
		int height = video.path("height").asInt(0);
		if (width <= 0 || height <= 0) {
			throw new NotAVideoException("The file's video stream has no picture size");
		}
		double base = rate(video.path("r_frame_rate").asString(""));
		double average = rate(video.path("avg_frame_rate").asString(""));
		return new MediaInfo(container, durationMs(root, video), video.path("codec_name").asString("unknown"), width,
				height, rotation(video), (average > 0) ? average : base, variable(base, average),
				firstStream(root, "audio").map((audio) -> audio.path("codec_name").asString("unknown")).orElse(null));
	}

	/** The first stream of a type; for video, not a cover picture attached to audio. */
	private static Optional<JsonNode> firstStream(JsonNode root, String type) {
		for (JsonNode stream : root.path("streams").values()) {
			if (type.equals(stream.path("codec_type").asString(""))
					&& stream.path("disposition").path("attached_pic").asInt(0) == 0) {
				return Optional.of(stream);
			}
		}
		return Optional.empty();
	}

	private static long durationMs(JsonNode root, JsonNode video) {
		double seconds = seconds(root.path("format").path("duration").asString(""));
		if (seconds <= 0) {
			seconds = seconds(video.path("duration").asString(""));
		}
		return Math.round(Math.max(0, seconds) * 1000);
	}

	/**
	 * Clockwise degrees, from the display matrix (whose {@code rotation} ffprobe gives
	 * counter-clockwise) or, for files written by older tools, the {@code rotate} tag.
	 */
	static int rotation(JsonNode video) {
		for (JsonNode sideData : video.path("side_data_list").values()) {
			if (sideData.has("rotation")) {
				return quarterTurns(-sideData.path("rotation").asDouble(0));
			}
		}
		String tag = video.path("tags").path("rotate").asString("");
		return tag.isEmpty() ? 0 : quarterTurns(seconds(tag));
	}

	private static int quarterTurns(double degrees) {
		long quarters = Math.round(degrees / 90);
		return (int) Math.floorMod(quarters * 90, 360L);
	}

	private static boolean variable(double base, double average) {
		return base > 0 && average > 0 && Math.abs(base - average) / base > VARIABLE_RATE_TOLERANCE;
	}

	/** A rate as ffprobe writes it, {@code 30000/1001}; 0 for {@code 0/0} or garbage. */
	static double rate(String fraction) {
		int slash = fraction.indexOf('/');
		double rate = (slash < 0) ? seconds(fraction)
				: seconds(fraction.substring(0, slash)) / seconds(fraction.substring(slash + 1));
		return (Double.isFinite(rate) && rate > 0) ? rate : 0;
	}

	private static double seconds(@Nullable String number) {
		try {
			return (number == null) ? 0 : Double.parseDouble(number);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
