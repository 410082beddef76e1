package io.videoserver.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Copies a child's output to the launcher's console line by line, each line prefixed with
 * the service's name, so that three services share one readable console.
 */
final class ConsoleForwarder {

	private ConsoleForwarder() {
	}

	/**
	 * Starts the copying on a daemon thread, which ends with the child's output.
	 * @return the thread, to be joined for the child's last lines
	 */
	static Thread start(Process process, String module, PrintStream console) {
		Thread pump = new Thread(() -> forward(process, "[" + module + "] ", console), module + "-log");
		pump.setDaemon(true);
		pump.start();
		return pump;
	}

	private static void forward(Process process, String prefix, PrintStream console) {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				console.println(prefix + line);
			}
		}
		catch (IOException ex) {
			// the child is gone; its exit is reported by the launcher
		}
	}

}
