package io.videoserver.launcher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one command a newcomer runs ({@code ./run.sh}, or
 * {@code java -jar launcher/target/launcher.jar}): the whole site, no MySQL, no Docker,
 * no configuration file; Ctrl-C stops it all.
 */
public final class Launcher {

	private static final Logger log = LoggerFactory.getLogger("launcher");

	private Launcher() {
	}

	public static void main(String[] args) {
		int code;
		try {
			Site site = new Site(Settings.from(System.getenv()), System.out);
			Runtime.getRuntime().addShutdownHook(new Thread(site::stop, "launcher-shutdown"));
			code = site.run();
		}
		catch (Exception ex) {
			log.error("The site could not start", ex);
			code = 1;
		}
		System.exit(code);
	}

}
