package org.prolo.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stands in for intake's JSON API (and the identity service's token endpoint, and the
 * timeline's, workflow's and scheduling's endpoints the staff pages call): answers what a
 * test set up for a method and path, 404 problem+json for anything else, and records
 * every request with its headers and body.
 */
public final class FakeIntake {

	/**
	 * One per test JVM: the Spring test context, cached across classes, keeps its URL.
	 */
	public static final FakeIntake INSTANCE = start();

	private final HttpServer server;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	private FakeIntake(HttpServer server) {
		this.server = server;
	}

	private static FakeIntake start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			FakeIntake intake = new FakeIntake(server);
			server.createContext("/", intake::answer);
			// A slow answer must not hold up the next test's requests.
			server.setExecutor(Executors.newCachedThreadPool(runnable -> {
				Thread thread = new Thread(runnable, "fake-intake");
				thread.setDaemon(true);
				return thread;
			}));
			server.start();
			return intake;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public void reset() {
		this.requests.clear();
		this.answers.clear();
	}

	public void answer(String method, String path, int status, String json) {
		answer(method, path, new Answer(status, json, Map.of(), Duration.ZERO, false));
	}

	public void answer(String method, String path, Answer answer) {
		this.answers.put(method + " " + path, answer);
	}

	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	/** The one request to this method and path. */
	public Request only(String method, String path) {
		List<Request> matching = this.requests.stream()
			.filter(r -> r.method().equals(method) && r.path().equals(path))
			.toList();
		assertThat(matching).as("requests to %s %s", method, path).hasSize(1);
		return matching.get(0);
	}

	private void answer(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		var uri = exchange.getRequestURI();
		this.requests.add(new Request(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(),
				Map.copyOf(exchange.getRequestHeaders()), new String(body, StandardCharsets.UTF_8)));
		Answer answer = this.answers.getOrDefault(exchange.getRequestMethod() + " " + uri.getPath(), new Answer(404,
				"""
						{"type":"https://prolo.example/problems/referral-not-found","title":"Referral not found","status":404}""",
				Map.of(), Duration.ZERO, false));
		if (!answer.delay().isZero()) {
			try {
				Thread.sleep(answer.delay().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (answer.drop()) {
			// As if intake died mid-request: the connection closes without an answer.
			exchange.close();
			return;
		}
		byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
		String type = (answer.status() >= 400) ? "application/problem+json" : "application/json";
		exchange.getResponseHeaders().add("Content-Type", type);
		answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
		exchange.sendResponseHeaders(answer.status(), bytes.length > 0 ? bytes.length : -1);
		try (var out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/**
	 * @param delay how long to wait before answering
	 * @param drop close the connection instead of answering
	 */
	public record Answer(int status, String body, Map<String, String> headers, Duration delay, boolean drop) {

		public static Answer dropped() {
			return new Answer(0, "", Map.of(), Duration.ZERO, true);
		}

		public static Answer after(Duration delay, int status, String body) {
			return new Answer(status, body, Map.of(), delay, false);
		}

		public static Answer withHeaders(int status, String body, Map<String, String> headers) {
			return new Answer(status, body, headers, Duration.ZERO, false);
		}

	}

	/**
	 * A request as intake received it; header names are as com.sun.net.httpserver keeps
	 * them.
	 */
	public record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.map(e -> e.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

	}

}
