package org.prolo.workflow.inspection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.TestTokens;

/**
 * Stands in for the timeline service's {@code GET /api/referrals/{id}/timeline}: answers
 * what a test put in for a referral, 404 for any other, and whatever status a test chose
 * for a referral it wants to see fail; 401 without the access token it hands out. And for
 * the identity service's token endpoint: {@code POST /oauth2/token} gives the client
 * {@code workflow} (client_secret_basic, client_credentials) that token.
 */
final class FakeTimeline implements AutoCloseable {

	static final String CLIENT = "workflow";

	/**
	 * What the tests' configuration gives every client (the security test-jar's
	 * config/application.yml).
	 */
	static final String SECRET = "test-only-client-secret";

	private final HttpServer server;

	private final String accessToken = TestTokens.client(CLIENT, Roles.TIMELINE_READ).substring("Bearer ".length());

	private final Map<String, String> timelines = new ConcurrentHashMap<>();

	private final Map<String, Integer> failures = new ConcurrentHashMap<>();

	private FakeTimeline(HttpServer server) {
		this.server = server;
	}

	static FakeTimeline start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			FakeTimeline timeline = new FakeTimeline(server);
			server.createContext("/api/referrals/", timeline::answer);
			server.createContext("/oauth2/token", timeline::token);
			server.start();
			return timeline;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** The bearer the timeline accepts, as the Authorization header's value. */
	String bearer() {
		return "Bearer " + accessToken;
	}

	/** Two events, as the timeline service shows them. */
	void recordSubmittedAndTriaged(String referralId) {
		timelines.put(referralId,
				"""
						{"referralId":"%s","status":"ACCEPTED","fhirStatus":"in-progress","entries":[
						 {"at":"2025-05-02T09:00:00Z","type":"ReferralSubmitted","summary":"Submitted by dr-ada: KNEE_OSTEOARTHRITIS, ROUTINE","source":"/prolo/intake"},
						 {"at":"2025-05-02T14:30:00Z","type":"ReferralTriaged","summary":"Triaged: ACCEPTED","source":"/prolo/workflow"}]}"""
					.formatted(referralId));
	}

	void failFor(String referralId, int status) {
		failures.put(referralId, status);
	}

	private void answer(HttpExchange exchange) throws IOException {
		if (!bearer().equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			respond(exchange, 401, "application/problem+json", "{\"title\":\"Unauthorized\",\"status\":401}");
			return;
		}
		String path = exchange.getRequestURI().getPath();
		String referralId = path.substring("/api/referrals/".length(), path.length() - "/timeline".length());
		Integer failure = failures.get(referralId);
		String body = timelines.get(referralId);
		if (failure != null) {
			respond(exchange, failure, "text/plain", "failing on purpose");
		}
		else if (body != null) {
			respond(exchange, 200, "application/json", body);
		}
		else {
			respond(exchange, 404, "application/problem+json", "{\"title\":\"Referral not found\",\"status\":404}");
		}
	}

	private void token(HttpExchange exchange) throws IOException {
		String basic = "Basic "
				+ Base64.getEncoder().encodeToString((CLIENT + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
		String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		if (!"POST".equals(exchange.getRequestMethod()) || !form.contains("grant_type=client_credentials")
				|| !basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			respond(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}");
			return;
		}
		respond(exchange, 200, "application/json", """
				{"access_token":"%s","token_type":"Bearer","expires_in":300,"scope":"timeline.read"}"""
			.formatted(accessToken));
	}

	private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", contentType);
		exchange.sendResponseHeaders(status, bytes.length);
		try (var out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
