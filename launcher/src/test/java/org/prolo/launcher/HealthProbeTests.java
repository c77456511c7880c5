package org.prolo.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthProbeTests {

	private final HealthProbe probe = new HealthProbe(
			HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build());

	private HttpServer server;

	@AfterEach
	void stopServer() {
		if (server != null) {
			server.stop(0);
		}
	}

	@Test
	void aTopLevelStatusOfUpIsUp() {
		assertThat(HealthProbe.isUpDocument("{\"status\":\"UP\"}")).isTrue();
		assertThat(HealthProbe.isUpDocument("""
				{"status":"UP","components":{"db":{"status":"UP"},"kafka":{"status":"UP"}}}""")).isTrue();
	}

	@Test
	void aNestedUpDoesNotHideADownService() {
		assertThat(HealthProbe.isUpDocument("""
				{"components":{"db":{"status":"UP"}},"status":"DOWN"}""")).isFalse();
		assertThat(HealthProbe.isUpDocument("{\"components\":{\"db\":{\"status\":\"UP\"}}}")).isFalse();
	}

	@Test
	void otherStatusesAndNonJsonAreNotUp() {
		assertThat(HealthProbe.isUpDocument("{\"status\":\"OUT_OF_SERVICE\"}")).isFalse();
		assertThat(HealthProbe.isUpDocument("{\"status\":\"up\"}")).isFalse();
		assertThat(HealthProbe.isUpDocument("{\"status\":{\"code\":\"UP\"}}")).isFalse();
		assertThat(HealthProbe.isUpDocument("<html>Whitelabel Error Page</html>")).isFalse();
		assertThat(HealthProbe.isUpDocument("")).isFalse();
		assertThat(HealthProbe.isUpDocument(null)).isFalse();
	}

	@Test
	void aServiceAnsweringUpOverHttpIsUp() throws IOException {
		String url = serve(200, "{\"status\":\"UP\"}");

		assertThat(probe.check(url)).isTrue();
	}

	@Test
	void aServiceAnswering503WithDownIsNotUp() throws IOException {
		String url = serve(503, "{\"status\":\"DOWN\"}");

		assertThat(probe.check(url)).isFalse();
	}

	/**
	 * Probes stay open under sign-in; a health endpoint that asks for a token has been
	 * locked by mistake and must not pass for up because its problem document parses.
	 */
	@Test
	void aHealthEndpointThatWantsATokenIsNotUp() throws IOException {
		String url = serve(401, """
				{"type":"about:blank","title":"Unauthorized","status":401,"detail":"Sign in first"}""");

		assertThat(probe.check(url)).isFalse();
	}

	@Test
	void theProbeSendsNoTokenSoItNeverDependsOnTheIdentityService() throws IOException {
		List<String> authorization = new CopyOnWriteArrayList<>();
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/actuator/health/readiness", exchange -> {
			authorization.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
			byte[] bytes = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		server.start();

		assertThat(probe.check("http://127.0.0.1:" + server.getAddress().getPort() + "/actuator/health/readiness"))
			.isTrue();
		assertThat(authorization).containsExactly("null");
	}

	@Test
	void aServiceThatIsNotListeningYetIsNotUp() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}

		assertThat(probe.check("http://127.0.0.1:" + closedPort + "/actuator/health")).isFalse();
	}

	private String serve(int status, String body) throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/actuator/health", exchange -> {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/vnd.spring-boot.actuator.v3+json");
			exchange.sendResponseHeaders(status, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		server.start();
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/actuator/health";
	}

}
