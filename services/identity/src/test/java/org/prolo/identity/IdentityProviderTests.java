package org.prolo.identity;

import java.net.URI;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identity service over real HTTP, as the services, the launcher and a browser use
 * it. The issuer stays the configured http://localhost:9000 although the service listens
 * on a random port: that is the point of a fixed issuer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "prolo.identity.key-file=target/identity-tests/jwk.json")
@ActiveProfiles("demo")
class IdentityProviderTests {

	private static final String ISSUER = "http://localhost:9000";

	private static final String CLI_REDIRECT = "http://127.0.0.1:8765/callback";

	private static final String WEB_REDIRECT = "http://localhost:8081/login/oauth2/code/prolo";

	@LocalServerPort
	int port;

	private URI base() {
		return URI.create("http://localhost:" + this.port);
	}

	private BrowserSignIn browser() {
		return new BrowserSignIn(base());
	}

	private JWKSet jwks() {
		return SignedTokens.jwks(browser().get("/oauth2/jwks", null).body());
	}

	@Test
	void discoveryNamesTheConfiguredIssuerAndItsKeysWhateverAddressServesIt() {
		BrowserSignIn other = new BrowserSignIn(URI.create("http://127.0.0.1:" + this.port));
		HttpResponse<String> response = other.get("/.well-known/openid-configuration", null);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode discovery = BrowserSignIn.json(response);
		assertThat(discovery.path("issuer").asText()).isEqualTo(ISSUER);
		assertThat(discovery.path("jwks_uri").asText()).isEqualTo(ISSUER + "/oauth2/jwks");
		assertThat(discovery.path("userinfo_endpoint").asText()).isEqualTo(ISSUER + "/userinfo");
		assertThat(discovery.path("code_challenge_methods_supported").toString()).contains("S256");
		assertThat(jwks().getKeys()).singleElement().satisfies((key) -> {
			assertThat(key.getKeyID()).isNotBlank();
			assertThat(key.isPrivate()).isFalse();
		});
	}

	@Test
	void physicianSignsInWithPkceAndGetsASignedTokenWithHerGroup() throws ParseException {
		JWTClaimsSet claims = SignedTokens.verified(cliAccessToken("dr-ada"), jwks());

		assertThat(claims.getSubject()).isEqualTo("dr-ada");
		assertThat(claims.getAudience()).containsExactlyInAnyOrder("prolo-cli", "prolo");
		assertThat(claims.getStringListClaim("groups")).containsExactly("physician");
		assertThat(claims.getStringClaim("name")).isEqualTo("Dr Ada Lovelace");
		assertThat(claims.getStringClaim("email")).isEqualTo("ada@referrers.example");
		assertThat(claims.getIssuer()).isEqualTo(ISSUER);
		assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(30 * 60 * 1000);
	}

	@Test
	void intakeCoordinatorGetsHerGroup() throws ParseException {
		JWTClaimsSet claims = SignedTokens.verified(cliAccessToken("ingrid"), jwks());

		assertThat(claims.getSubject()).isEqualTo("ingrid");
		assertThat(claims.getStringListClaim("groups")).containsExactly("intake-coordinators");
	}

	@Test
	void adminCarriesBothOfHisGroups() throws ParseException {
		JWTClaimsSet claims = SignedTokens.verified(cliAccessToken("demo"), jwks());

		assertThat(claims.getStringListClaim("groups")).containsExactly("camunda-admin", "clinic-leads");
	}

	@Test
	void wrongPasswordGivesNoCode() {
		String verifier = BrowserSignIn.randomVerifier();

		URI next = browser().authorize(cliRequest(verifier, "s1"), "dr-ada", "not-dr-ada");

		assertThat(next.getPath()).isEqualTo("/login");
		assertThat(next.getQuery()).isEqualTo("error");
	}

	@Test
	void cliGetsNoCodeWithoutPkce() {
		HttpResponse<String> response = browser().startAuthorization(Map.of("response_type", "code", "client_id",
				"prolo-cli", "redirect_uri", CLI_REDIRECT, "scope", "openid", "state", "s2"));

		URI redirect = URI.create(response.headers().firstValue("Location").orElseThrow());
		assertThat(redirect.toString()).startsWith(CLI_REDIRECT);
		assertThat(BrowserSignIn.query(redirect)).containsEntry("error", "invalid_request").doesNotContainKey("code");
	}

	@Test
	void codeIsWorthNothingWithoutItsVerifier() {
		String verifier = BrowserSignIn.randomVerifier();
		BrowserSignIn browser = browser();
		String code = code(browser.authorize(cliRequest(verifier, "s3"), "dr-ada", "dr-ada"), "s3");

		HttpResponse<String> token = browser
			.token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", CLI_REDIRECT, "client_id",
					"prolo-cli", "code_verifier", BrowserSignIn.randomVerifier()), null, null);

		assertThat(token.statusCode()).isEqualTo(400);
		assertThat(BrowserSignIn.json(token).path("error").asText()).isEqualTo("invalid_grant");
	}

	@Test
	void webSignInGivesAnIdTokenRefreshTokenAndUserinfoWithGroupsNameAndEmail() throws ParseException {
		BrowserSignIn browser = browser();
		URI callback = browser.authorize(Map.of("response_type", "code", "client_id", "prolo-web", "redirect_uri",
				WEB_REDIRECT, "scope", "openid profile email", "state", "s4", "nonce", "n4"), "carl", "carl");
		assertThat(callback.toString()).startsWith(WEB_REDIRECT);

		HttpResponse<String> response = browser.token(
				Map.of("grant_type", "authorization_code", "code", code(callback, "s4"), "redirect_uri", WEB_REDIRECT),
				"prolo-web", "prolo-web-secret");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode tokens = BrowserSignIn.json(response);
		assertThat(tokens.path("refresh_token").asText()).isNotBlank();
		JWTClaimsSet idToken = SignedTokens.verified(tokens.path("id_token").asText(), jwks());
		assertThat(idToken.getSubject()).isEqualTo("carl");
		assertThat(idToken.getAudience()).as("an ID token is no access token to the services")
			.containsExactly("prolo-web");
		assertThat(SignedTokens.verified(tokens.path("access_token").asText(), jwks()).getAudience())
			.containsExactlyInAnyOrder("prolo-web", "prolo");
		assertThat(idToken.getStringClaim("nonce")).isEqualTo("n4");
		assertThat(idToken.getStringListClaim("groups")).containsExactly("clinical-coordinators");
		assertThat(idToken.getStringClaim("name")).isEqualTo("Carl");
		assertThat(idToken.getStringClaim("email")).isEqualTo("carl@clinic.example");

		HttpResponse<String> userinfo = browser.get("/userinfo", tokens.path("access_token").asText());
		assertThat(userinfo.statusCode()).isEqualTo(200);
		JsonNode user = BrowserSignIn.json(userinfo);
		assertThat(user.path("sub").asText()).isEqualTo("carl");
		assertThat(user.path("name").asText()).isEqualTo("Carl");
		assertThat(user.path("email").asText()).isEqualTo("carl@clinic.example");
		assertThat(user.path("groups").toString()).isEqualTo("[\"clinical-coordinators\"]");
	}

	@Test
	void webClientIsSentOnlyToARegisteredRedirectUri() {
		HttpResponse<String> response = browser()
			.startAuthorization(Map.of("response_type", "code", "client_id", "prolo-web", "redirect_uri",
					"http://localhost:9999/login/oauth2/code/prolo", "scope", "openid", "state", "s5"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Location")).isEmpty();
	}

	@Test
	void serviceGetsAClientCredentialsTokenForItsScopeOnly() throws ParseException {
		HttpResponse<String> response = browser().token(Map.of("grant_type", "client_credentials"), "workflow",
				"workflow-secret");

		assertThat(response.statusCode()).isEqualTo(200);
		JWTClaimsSet claims = SignedTokens.verified(BrowserSignIn.json(response).path("access_token").asText(), jwks());
		assertThat(claims.getSubject()).isEqualTo("workflow");
		assertThat(claims.getStringListClaim("scope")).containsExactly("timeline.read");
		assertThat(claims.getClaims()).doesNotContainKeys("groups", "name", "email");
	}

	@Test
	void radiologyAuthenticatesWithItsSecretInTheForm() throws ParseException {
		HttpResponse<String> response = browser().token(Map.of("grant_type", "client_credentials", "client_id",
				"radiology", "client_secret", "radiology-secret"), null, null);

		assertThat(response.statusCode()).isEqualTo(200);
		JWTClaimsSet claims = SignedTokens.verified(BrowserSignIn.json(response).path("access_token").asText(), jwks());
		assertThat(claims.getSubject()).isEqualTo("radiology");
		assertThat(claims.getStringListClaim("scope")).containsExactly("imaging.report");
	}

	@Test
	void serviceThatNamesItsScopeGetsIt() throws ParseException {
		HttpResponse<String> response = browser().token(
				Map.of("grant_type", "client_credentials", "scope", "metrics.read"), "prometheus", "prometheus-secret");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(BrowserSignIn.json(response).path("scope").asText()).isEqualTo("metrics.read");
		JWTClaimsSet claims = SignedTokens.verified(BrowserSignIn.json(response).path("access_token").asText(), jwks());
		assertThat(claims.getStringListClaim("scope")).containsExactly("metrics.read");
	}

	@Test
	void everyServiceClientsTokenIsMeantForTheProduct() throws ParseException {
		for (String client : List.of("intake", "workflow", "prometheus")) {
			HttpResponse<String> response = browser().token(Map.of("grant_type", "client_credentials"), client,
					client + "-secret");
			assertThat(response.statusCode()).as(client).isEqualTo(200);
			JWTClaimsSet claims = SignedTokens.verified(BrowserSignIn.json(response).path("access_token").asText(),
					jwks());
			assertThat(claims.getAudience()).as(client).containsExactlyInAnyOrder(client, "prolo");
		}
		HttpResponse<String> radiology = browser().token(Map.of("grant_type", "client_credentials", "client_id",
				"radiology", "client_secret", "radiology-secret"), null, null);
		assertThat(SignedTokens.verified(BrowserSignIn.json(radiology).path("access_token").asText(), jwks())
			.getAudience()).containsExactlyInAnyOrder("radiology", "prolo");
	}

	@Test
	void serviceCannotAskForAnotherScope() {
		HttpResponse<String> response = browser().token(
				Map.of("grant_type", "client_credentials", "scope", "imaging.report"), "workflow", "workflow-secret");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(BrowserSignIn.json(response).path("error").asText()).isEqualTo("invalid_scope");
	}

	@Test
	void wrongClientSecretIsUnauthorized() {
		HttpResponse<String> response = browser().token(Map.of("grant_type", "client_credentials"), "workflow",
				"intake-secret");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).doesNotContain("intake-secret");
	}

	@Test
	void healthAndProbesAreOpenWithoutAToken() {
		for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
			HttpResponse<String> response = browser().get(path, null);

			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(BrowserSignIn.json(response).path("status").asText()).as(path).isEqualTo("UP");
		}
	}

	@Test
	void loginPageCarriesTheSecurityHeaders() {
		HttpResponse<String> response = browser().get("/login", null);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(response.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((value) -> assertThat(value).contains("no-store"));
	}

	private String cliAccessToken(String user) {
		String verifier = BrowserSignIn.randomVerifier();
		BrowserSignIn browser = browser();
		URI callback = browser.authorize(cliRequest(verifier, "state-" + user), user, user);
		assertThat(callback.toString()).startsWith(CLI_REDIRECT);

		HttpResponse<String> response = browser
			.token(Map.of("grant_type", "authorization_code", "code", code(callback, "state-" + user), "redirect_uri",
					CLI_REDIRECT, "client_id", "prolo-cli", "code_verifier", verifier), null, null);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode tokens = BrowserSignIn.json(response);
		assertThat(tokens.has("refresh_token")).as("a public client gets no refresh token").isFalse();
		return tokens.path("access_token").asText();
	}

	private static Map<String, String> cliRequest(String verifier, String state) {
		return Map.of("response_type", "code", "client_id", "prolo-cli", "redirect_uri", CLI_REDIRECT, "scope",
				"openid profile email", "state", state, "code_challenge", BrowserSignIn.challenge(verifier),
				"code_challenge_method", "S256");
	}

	private static String code(URI callback, String state) {
		Map<String, String> query = BrowserSignIn.query(callback);
		assertThat(query).as(callback.toString()).containsEntry("state", state).containsKey("code");
		return query.get("code");
	}

}
