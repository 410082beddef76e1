package io.videoserver.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Debian's nginx started from a temporary prefix, standing in for the Kubernetes Ingress
 * of a site with several replicas: one public host, requests spread round-robin over the
 * replicas, routed by deploy/front/routes.conf (the file docker-compose.yml's front
 * includes, so the two cannot drift). Its access log names the replica that answered.
 */
final class Front implements AutoCloseable {

	private static final List<String> ROUTING = List.of("routes.conf", "video-http.conf", "video-proxy.conf",
			"video-stream-proxy.conf");

	private final Process process;

	private final Path prefix;

	private final int port;

	private Front(Process process, Path prefix, int port) {
		this.process = process;
		this.prefix = prefix;
		this.port = port;
	}

	/**
	 * The nginx program on this machine, if any ({@code apt-get install nginx-light}), or
	 * the one {@code -De2e.nginx=} names.
	 */
	static Optional<Path> nginx() {
		String chosen = System.getProperty("e2e.nginx");
		if (chosen != null) {
			return Optional.of(Path.of(chosen)).filter(Files::isExecutable);
		}
		String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin";
		return Arrays.stream(path.split(":"))
			.map((dir) -> Path.of(dir, "nginx"))
			.filter(Files::isExecutable)
			.findFirst();
	}

	/**
	 * Starts nginx on a free loopback port in front of the given replicas.
	 * @param prefix an empty directory for nginx's configuration, logs and temp files
	 */
	static Front start(Path prefix, List<Integer> apiPorts, List<Integer> streamPorts)
			throws IOException, InterruptedException {
		Path nginx = nginx().orElseThrow(() -> new IllegalStateException("nginx is not installed"));
		Path routing = Path.of(System.getProperty("e2e.root", "..")).resolve("deploy/front");
		for (String file : ROUTING) {
			Files.copy(routing.resolve(file), prefix.resolve(file));
		}
		Files.createDirectories(prefix.resolve("logs"));
		Files.createDirectories(prefix.resolve("temp"));
		int port = ServiceJars.freePort();
		Path config = Files.writeString(prefix.resolve("nginx.conf"), config(port, apiPorts, streamPorts));
		Process process = new ProcessBuilder(nginx.toString(), "-p", prefix.toString(), "-c", config.toString(), "-e",
				prefix.resolve("logs/error.log").toString())
			.redirectErrorStream(true)
			.redirectOutput(prefix.resolve("logs/nginx.out").toFile())
			.start();
		Front front = new Front(process, prefix, port);
		front.awaitListening(Duration.ofSeconds(20));
		return front;
	}

	private static String config(int port, List<Integer> apiPorts, List<Integer> streamPorts) {
		// nginx as root hands requests to unprivileged workers, which could not enter the
		// test's private temporary directory
		String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
		return user + """
				worker_processes 1;
				daemon off;
				pid nginx.pid;
				events {
					worker_connections 512;
				}
				http {
					log_format replicas '$request_method|$uri|$status|$upstream_addr';
					access_log logs/access.log replicas;
					client_body_temp_path temp/body;
					proxy_temp_path temp/proxy;
					include video-http.conf;
					upstream api {
				%s		keepalive 16;
					}
					upstream stream {
				%s		keepalive 16;
					}
					server {
						listen 127.0.0.1:%d;
						include routes.conf;
					}
				}
				""".formatted(servers(apiPorts), servers(streamPorts), port);
	}

	private static String servers(List<Integer> ports) {
		return ports.stream().map((p) -> "\t\tserver 127.0.0.1:" + p + ";\n").collect(Collectors.joining());
	}

	private void awaitListening(Duration timeout) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() - deadline < 0) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						"nginx exited:\n" + Files.readString(this.prefix.resolve("logs/nginx.out"))
								+ Files.readString(this.prefix.resolve("logs/error.log")));
			}
			try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
				return;
			}
			catch (IOException ex) {
				Thread.sleep(50);
			}
		}
		throw new IllegalStateException("nginx did not listen within " + timeout);
	}

	String url() {
		return "http://127.0.0.1:" + this.port;
	}

	/** Every request the front passed on so far, oldest first. */
	List<Request> accessLog() throws IOException {
		Path log = this.prefix.resolve("logs/access.log");
		if (!Files.exists(log)) {
			return List.of();
		}
		return Files.readAllLines(log).stream().map(Request::parse).toList();
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
		}
	}

	/**
	 * One line of the access log.
	 *
	 * @param method the request's method
	 * @param path the path the client asked for
	 * @param status the status the client got
	 * @param replicas the replicas tried ({@code 127.0.0.1:port}); the last one answered
	 */
	record Request(String method, String path, int status, List<String> replicas) {

		static Request parse(String line) {
			String[] fields = line.split("\\|", 4);
			return new Request(fields[0], fields[1], Integer.parseInt(fields[2]),
					Arrays.stream(fields[3].split(",\\s*")).filter((a) -> !a.equals("-")).toList());
		}

		/** The replica that answered, by port. */
		int port() {
			String last = this.replicas.get(this.replicas.size() - 1);
			return Integer.parseInt(last.substring(last.lastIndexOf(':') + 1));
		}

	}

}
