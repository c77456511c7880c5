package org.prolo.platform.security.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The one stand-in for another service of the clinic that a test's service calls over
 * HTTP, with the identity service's token endpoint beside it: {@code POST /oauth2/token}
 * gives one client (client_secret_basic with the tests' secret, client_credentials) a
 * token of {@link TestTokens}, and every other path answers only a bearer it issued (else
 * 401). What a path answers is set per path ({@link #answer}, {@link #hang}); any other
 * path answers what {@link #otherwise} says, 404 unless a test chose. Point the service
 * at {@link #url()} for both, with {@code prolo.security.internal-uri} and the other
 * service's URL property.
 */
public final class FakeService implements AutoCloseable {

	/**
	 * The secret the tests' configuration gives every client (this test-jar's
	 * config/application.yml), not the demo's.
	 */
	public static final String SECRET = "test-only-client-secret";

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Answer NOT_FOUND = new Answer(404, "application/problem+json",
			"{\"title\":\"Not Found\",\"status\":404}");

	private final HttpServer server;

	private final String client;

	private final String scope;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final Set<String> issued = ConcurrentHashMap.newKeySet();

	private final List<String> tokenRequests = new CopyOnWriteArrayList<>();

	private final List<String> bearersSeen = new CopyOnWriteArrayList<>();

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	private final Set<String> hanging = ConcurrentHashMap.newKeySet();

	private final CountDownLatch closing = new CountDownLatch(1);

	private volatile Function<String, Answer> otherwise = path -> NOT_FOUND;

	private FakeService(HttpServer server, String client, String scope) {
		this.server = server;
		this.client = client;
		this.scope = scope;
	}

	/**
	 * @param client the calling service's client id, the only one that gets a token
	 * @param scope the scope of the tokens it gets
	 */
	public static FakeService start(String client, String scope) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			FakeService fake = new FakeService(server, client, scope);
			// Several threads: a hanging answer must not hold up token requests.
			server.setExecutor(fake.threads);
			server.createContext("/oauth2/token", fake::token);
			server.createContext("/", fake::answer);
			server.start();
			return fake;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** A JSON answer for this path (without query). */
	public void answer(String path, int status, String json) {
		this.hanging.remove(path);
		this.answers.put(path, new Answer(status, "application/json", json));
	}

	/** Never answers this path (until closed). */
	public void hang(String path) {
		this.hanging.add(path);
	}

	/** What any path without an answer of its own answers, given the path. */
	public void otherwise(Function<String, Answer> answer) {
		this.otherwise = answer;
	}

	/** A bearer this fake accepts, as an Authorization header's value. */
	public String bearer() {
		String bearer = TestTokens.client(this.client, this.scope);
		this.issued.add(bearer);
		return bearer;
	}

	/** The bodies of the token requests, form-encoded. */
	public List<String> tokenRequests() {
		return List.copyOf(this.tokenRequests);
	}

	/** The Authorization headers the other paths received. */
	public List<String> bearersSeen() {
		return List.copyOf(this.bearersSeen);
	}

	/** The claims of a bearer token, unverified (the fake issued it). */
	public static JsonNode claimsOf(String authorization) {
		String jwt = authorization.substring("Bearer ".length());
		try {
			return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void token(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		this.tokenRequests.add(body);
		String basic = "Basic "
				+ Base64.getEncoder().encodeToString((this.client + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
		if (!"POST".equals(exchange.getRequestMethod()) || !body.contains("grant_type=client_credentials")
				|| !basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			respond(exchange, new Answer(401, "application/json", "{\"error\":\"invalid_client\"}"));
			return;
		}
		respond(exchange, new Answer(200, "application/json", """
				{"access_token":"%s","token_type":"Bearer","expires_in":600,"scope":"%s"}"""
			.formatted(bearer().substring("Bearer ".length()), this.scope)));
	}

	private void answer(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		if (authorization != null) {
			this.bearersSeen.add(authorization);
		}
		if (authorization == null || !this.issued.contains(authorization)) {
			respond(exchange,
					new Answer(401, "application/problem+json", "{\"title\":\"Unauthorized\",\"status\":401}"));
		}
		else if (this.hanging.contains(path)) {
			try {
				this.closing.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.close();
		}
		else {
			Answer answer = this.answers.get(path);
			respond(exchange, (answer != null) ? answer : this.otherwise.apply(path));
		}
	}

	private static void respond(HttpExchange exchange, Answer answer) throws IOException {
		byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", answer.contentType());
		exchange.sendResponseHeaders(answer.status(), bytes.length);
		try (var out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.closing.countDown();
		this.server.stop(0);
		this.threads.shutdownNow();
	}

	/** What a path answers. */
	public record Answer(int status, String contentType, String body) {

		public static Answer json(int status, String json) {
			return new Answer(status, "application/json", json);
		}

	}

}
