import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * One password hash's cost as the api-service computes it (BCrypt, cost 10), in CPU time
 * as well as wall time, so that a busy machine shows in the wall figure only. Run by
 * bench/login-storm.sh with spring-security-crypto from the service's jar on the class
 * path:
 *
 * <pre>
 * java -cp spring-security-crypto.jar:commons-logging.jar bench/HashCost.java [hashes]
 * </pre>
 */
public class HashCost {

	public static void main(String[] args) {
		int hashes = (args.length > 0) ? Integer.parseInt(args[0]) : 20;
		BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(10);
		for (int i = 0; i < 5; i++) {
			bcrypt.encode("warm-up " + i);
		}
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long cpu = threads.getCurrentThreadCpuTime();
		long wall = System.nanoTime();
		for (int i = 0; i < hashes; i++) {
			bcrypt.encode("a password of 44 characters like a digest " + i);
		}
		double cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / hashes;
		double wallMs = (System.nanoTime() - wall) / 1e6 / hashes;
		System.out.printf("one BCrypt hash (cost 10), mean of %d: %.1f ms CPU, %.1f ms wall%n", hashes, cpuMs, wallMs);
	}

}
