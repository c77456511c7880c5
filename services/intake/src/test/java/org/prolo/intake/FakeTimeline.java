package org.prolo.intake;

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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.TestTokens;

/**
 * Stands in for the two services intake's timeline endpoint talks to: the identity
 * service's token endpoint (POST /oauth2/token, client_credentials for intake only) and
 * the timeline service's GET /api/referrals/{id}/timeline, which answers only a token
 * that endpoint issued. Any referral has a two-event timeline unless a test chose
 * otherwise (unknown, failing, hanging). Point intake at it with
 * {@code prolo.security.internal-uri} and {@code intake.timeline-url}.
 */
public final class FakeTimeline implements AutoCloseable {

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * The secret the tests' configuration gives every client (the security test-jar's
	 * config/application.yml), not the demo's.
	 */
	private static final String INTAKE_CREDENTIALS = "Basic "
			+ Base64.getEncoder().encodeToString("intake:test-only-client-secret".getBytes(StandardCharsets.UTF_8));

	private final HttpServer server;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final Set<String> issued = ConcurrentHashMap.newKeySet();

	private final List<String> tokenRequests = new CopyOnWriteArrayList<>();

	private final List<String> bearersSeen = new CopyOnWriteArrayList<>();

	private final Set<String> unknown = ConcurrentHashMap.newKeySet();

	private final Map<String, Integer> failures = new ConcurrentHashMap<>();

	private final Set<String> hanging = ConcurrentHashMap.newKeySet();

	private final CountDownLatch closing = new CountDownLatch(1);

	private FakeTimeline(HttpServer server) {
		this.server = server;
	}

	public static FakeTimeline start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			FakeTimeline fake = new FakeTimeline(server);
			// Several threads: a hanging timeline must not hold up token requests.
			server.setExecutor(fake.threads);
			server.createContext("/oauth2/token", fake::token);
			server.createContext("/api/referrals/", fake::timeline);
			server.start();
			return fake;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** The timeline has recorded nothing of this referral: 404. */
	public void unknown(String referralId) {
		unknown.add(referralId);
	}

	public void failFor(String referralId, int status) {
		failures.put(referralId, status);
	}

	/** Never answers for this referral (until closed). */
	public void hangFor(String referralId) {
		hanging.add(referralId);
	}

	/** The bodies of the token requests, form-encoded. */
	public List<String> tokenRequests() {
		return List.copyOf(tokenRequests);
	}

	/** The Authorization headers the timeline endpoint received. */
	public List<String> bearersSeen() {
		return List.copyOf(bearersSeen);
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
		tokenRequests.add(body);
		if (!"POST".equals(exchange.getRequestMethod()) || !body.contains("grant_type=client_credentials")
				|| !INTAKE_CREDENTIALS.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			respond(exchange, 401, "{\"error\":\"invalid_client\"}");
			return;
		}
		String bearer = TestTokens.client("intake", Roles.TIMELINE_READ);
		issued.add(bearer);
		respond(exchange, 200, """
				{"access_token":"%s","token_type":"Bearer","expires_in":600,"scope":"%s"}"""
			.formatted(bearer.substring("Bearer ".length()), Roles.TIMELINE_READ));
	}

	private void timeline(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String referralId = path.substring("/api/referrals/".length(), path.length() - "/timeline".length());
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		if (authorization != null) {
			bearersSeen.add(authorization);
		}
		if (authorization == null || !issued.contains(authorization)) {
			respond(exchange, 401, "{\"title\":\"Unauthorized\",\"status\":401}");
		}
		else if (hanging.contains(referralId)) {
			try {
				closing.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.close();
		}
		else if (failures.containsKey(referralId)) {
			respond(exchange, failures.get(referralId), "{\"title\":\"failing on purpose\"}");
		}
		else if (unknown.contains(referralId)) {
			respond(exchange, 404, "{\"title\":\"Referral not found\",\"status\":404}");
		}
		else {
			respond(exchange, 200,
					"""
							{"referralId":"%s","status":"ACCEPTED","fhirStatus":"in-progress","entries":[
							 {"at":"2025-05-02T09:00:00Z","type":"ReferralSubmitted","summary":"Submitted by dr-ada: KNEE_OSTEOARTHRITIS, ROUTINE","source":"/prolo/intake"},
							 {"at":"2025-05-02T14:30:00Z","type":"ReferralTriaged","summary":"Triaged: ACCEPTED by ingrid","source":"/prolo/workflow"}]}"""
						.formatted(referralId));
		}
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (var out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		closing.countDown();
		server.stop(0);
		threads.shutdownNow();
	}

}
