package org.prolo.platform.security;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.prolo.platform.security.app.SecuredApplication;
import org.prolo.platform.security.testing.TestTokens;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clinic's own provider by configuration alone, shaped like Keycloak: its issuer, its
 * sign-in page, its keys at its own JWKS address (served here over HTTP, so that the
 * service's own decoder runs, not the test-jar's), the groups as realm roles under
 * {@code realm_access.roles} and the audience an audience mapper adds for the product.
 */
@SpringBootTest(classes = SecuredApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=exams", "prolo.security.issuer=" + OtherProviderTests.ISSUER,
				"prolo.security.authorization-uri=" + OtherProviderTests.ISSUER + "/protocol/openid-connect/auth",
				"prolo.security.groups-claim=realm_access.roles", "prolo.security.audiences=prolo-api" })
class OtherProviderTests {

	static final String ISSUER = "http://keycloak.test/realms/clinic";

	static final HttpClient CLIENT = HttpClient.newHttpClient();

	static final HttpServer KEYCLOAK = jwks();

	@DynamicPropertySource
	static void keys(DynamicPropertyRegistry registry) {
		registry.add("prolo.security.jwk-set-uri", () -> "http://127.0.0.1:" + KEYCLOAK.getAddress().getPort()
				+ "/realms/clinic/protocol/openid-connect/certs");
	}

	@LocalServerPort
	int port;

	@Test
	void realmRolesBecomeTheCallersGroups() throws Exception {
		String token = accessToken("clara", List.of("prolo-api", "account"),
				Map.of("realm_access", Map.of("roles", List.of(Roles.CLINICIANS, "offline_access"))));

		HttpResponse<String> me = call("GET", "/api/me", token);
		HttpResponse<String> exam = call("POST", "/api/exams", token);

		assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
		assertThat(me.body()).contains("\"id\":\"clara\"").contains("\"clinicians\"").contains("\"offline_access\"");
		assertThat(exam.statusCode()).as(exam.body()).isEqualTo(200);
	}

	@Test
	void groupsOutsideTheConfiguredClaimGrantNothing() throws Exception {
		String token = accessToken("clara", List.of("prolo-api"), Map.of("groups", List.of(Roles.CLINICIANS)));

		HttpResponse<String> exam = call("POST", "/api/exams", token);

		assertThat(exam.statusCode()).as(exam.body()).isEqualTo(403);
	}

	@Test
	void refusesTheProvidersTokensForOtherAudiences() throws Exception {
		// Keycloak's access token without the audience mapper: only its account service.
		String token = accessToken("clara", List.of("account"),
				Map.of("realm_access", Map.of("roles", List.of(Roles.CLINICIANS))));

		assertThat(call("GET", "/api/me", token).statusCode()).isEqualTo(401);
	}

	@Test
	void refusesTheProvidersIdToken() throws Exception {
		String token = TestTokens.signed(claims("clara", List.of("prolo-web")).claim("typ", "ID")
			.claim("azp", "prolo-web")
			.claim("nonce", UUID.randomUUID().toString())
			.claim("at_hash", "x3EoZlAuHFaGAMFzcIqwYQ")
			.claim("realm_access", Map.of("roles", List.of(Roles.CLINICIANS)))
			.build());

		HttpResponse<String> response = call("GET", "/api/me", token);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).get()
			.asString()
			.contains("error=\"invalid_token\"");
	}

	@Test
	void refusesTheBuiltInIdentityServicesTokensOnceAnotherIssuerIsConfigured() throws Exception {
		assertThat(call("GET", "/api/me", TestTokens.user("clara", Roles.CLINICIANS)).statusCode()).isEqualTo(401);
	}

	@Test
	void browsersSignInAtTheProvider() throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/oauth2/authorization/prolo"))
			.build();

		HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).get()
			.asString()
			.startsWith(ISSUER + "/protocol/openid-connect/auth?")
			.contains("client_id=prolo-web");
	}

	private static String accessToken(String subject, List<String> audiences, Map<String, Object> extra) {
		JWTClaimsSet.Builder claims = claims(subject, audiences).claim("typ", "Bearer")
			.claim("azp", "prolo-web")
			.claim("scope", "openid profile email");
		extra.forEach(claims::claim);
		return TestTokens.signed(claims.build());
	}

	private static JWTClaimsSet.Builder claims(String subject, List<String> audiences) {
		return new JWTClaimsSet.Builder().subject(subject)
			.issuer(ISSUER)
			.audience(audiences)
			.issueTime(new Date())
			.expirationTime(Date.from(Instant.now().plusSeconds(300)))
			.jwtID(UUID.randomUUID().toString());
	}

	private HttpResponse<String> call(String method, String path, String authorization) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", authorization)
			.header("Accept", "application/json")
			.header("Content-Type", "application/json")
			.method(method,
					"POST".equals(method) ? HttpRequest.BodyPublishers.ofString("{\"site\":\"knee\"}")
							: HttpRequest.BodyPublishers.noBody())
			.build();
		return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
	}

	@AfterAll
	static void stop() {
		KEYCLOAK.stop(0);
	}

	private static HttpServer jwks() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/realms/clinic/protocol/openid-connect/certs", exchange -> {
				byte[] body = TestTokens.publicJwkSet().getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
