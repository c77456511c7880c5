package org.prolo.identity;

import java.net.URI;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Identity as docker-compose or an operator starts it, without profile demo: the users
 * and clients of the settings, hashed, and none of the demo's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProductionSettingsTests {

	static final String NORA_PASSWORD = "correct horse battery staple";

	static final String RADIOLOGY_SECRET = "Radiology-7f3c9a1e5b2d";

	/** As an operator would give it in PROLO_IDENTITY_CLIENTS_1_SECRET. */
	static final String PROMETHEUS_SECRET = "Prometheus-from-the-environment-42";

	private static final String CLI_REDIRECT = "http://127.0.0.1:8765/callback";

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void directory(DynamicPropertyRegistry registry) {
		BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
		registry.add("prolo.identity.users[0].id", () -> "nora");
		registry.add("prolo.identity.users[0].name", () -> "Nora Lind");
		registry.add("prolo.identity.users[0].email", () -> "nora@clinic.example");
		registry.add("prolo.identity.users[0].groups", () -> "intake-coordinators");
		registry.add("prolo.identity.users[0].password", () -> "{bcrypt}" + bcrypt.encode(NORA_PASSWORD));
		registry.add("prolo.identity.clients[0].id", () -> "radiology");
		registry.add("prolo.identity.clients[0].secret", () -> "{bcrypt}" + bcrypt.encode(RADIOLOGY_SECRET));
		registry.add("prolo.identity.clients[1].id", () -> "prometheus");
		registry.add("prolo.identity.clients[1].secret", () -> PROMETHEUS_SECRET);
		registry.add("prolo.identity.clients[2].id", () -> "prolo-cli");
	}

	private BrowserSignIn browser() {
		return new BrowserSignIn(URI.create("http://localhost:" + this.port));
	}

	@Test
	void aDemoUserCannotSignInWithTheDemoPassword() {
		String verifier = BrowserSignIn.randomVerifier();

		URI next = browser().authorize(cliRequest(verifier), "ingrid", "ingrid");

		assertThat(next.getPath()).isEqualTo("/login");
		assertThat(next.getQuery()).isEqualTo("error");
	}

	@Test
	void aDemoClientSecretGetsNoToken() {
		HttpResponse<String> response = browser().token(Map.of("grant_type", "client_credentials"), "radiology",
				"radiology-secret");

		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void aConfiguredUserSignsInWithHerPasswordAndGetsHerClaims() throws ParseException {
		String verifier = BrowserSignIn.randomVerifier();
		BrowserSignIn browser = browser();
		URI callback = browser.authorize(cliRequest(verifier), "nora", NORA_PASSWORD);
		String code = BrowserSignIn.query(callback).get("code");
		assertThat(code).as(callback.toString()).isNotBlank();

		HttpResponse<String> response = browser.token(Map.of("grant_type", "authorization_code", "code", code,
				"redirect_uri", CLI_REDIRECT, "client_id", "prolo-cli", "code_verifier", verifier), null, null);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JWTClaimsSet claims = SignedTokens.verified(BrowserSignIn.json(response).path("access_token").asText(),
				SignedTokens.jwks(browser.get("/oauth2/jwks", null).body()));
		assertThat(claims.getSubject()).isEqualTo("nora");
		assertThat(claims.getStringListClaim("groups")).containsExactly("intake-coordinators");
		assertThat(claims.getStringClaim("name")).isEqualTo("Nora Lind");
	}

	@Test
	void aClientWithAHashedSecretGetsItsToken() {
		HttpResponse<String> response = browser().token(Map.of("grant_type", "client_credentials"), "radiology",
				RADIOLOGY_SECRET);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(BrowserSignIn.json(response).path("scope").asText()).isEqualTo("imaging.report");
	}

	@Test
	void aClientWithItsSecretFromTheEnvironmentGetsItsToken() {
		HttpResponse<String> response = browser().token(Map.of("grant_type", "client_credentials"), "prometheus",
				PROMETHEUS_SECRET);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode token = BrowserSignIn.json(response);
		assertThat(token.path("scope").asText()).isEqualTo("metrics.read");
	}

	@Test
	void aClientNotConfiguredDoesNotExist() {
		HttpResponse<String> response = browser().token(Map.of("grant_type", "client_credentials"), "intake",
				"intake-secret");

		assertThat(response.statusCode()).isEqualTo(401);
	}

	private static Map<String, String> cliRequest(String verifier) {
		return Map.of("response_type", "code", "client_id", "prolo-cli", "redirect_uri", CLI_REDIRECT, "scope",
				"openid profile", "state", "s1", "code_challenge", BrowserSignIn.challenge(verifier),
				"code_challenge_method", "S256");
	}

}
