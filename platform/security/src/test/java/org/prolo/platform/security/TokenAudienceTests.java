package org.prolo.platform.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.prolo.platform.security.app.SecuredApplication;
import org.prolo.platform.security.testing.TestTokens;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP: a signature from the identity service is not enough, the token must be
 * an access token meant for the product (aud {@code prolo}). Anything else is the usual
 * 401 problem+json with an invalid_token challenge.
 */
@SpringBootTest(classes = SecuredApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.application.name=exams")
@Import(TestTokens.Decoder.class)
class TokenAudienceTests {

	static final HttpClient CLIENT = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void acceptsAnAccessTokenMeantForTheProduct() throws Exception {
		HttpResponse<String> response = me(TestTokens.user("clara", Roles.CLINICIANS));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"id\":\"clara\"").contains("clinicians");
	}

	@Test
	void acceptsAServiceClientsTokenMeantForTheProduct() throws Exception {
		assertThat(me(TestTokens.client("radiology", Roles.IMAGING_REPORT)).statusCode()).isEqualTo(200);
	}

	@Test
	void refusesAnAccessTokenIssuedForAnotherAudience() throws Exception {
		assertRefusedAsInvalidToken(me(TestTokens.forAudience("billing", "clara", Roles.CLINICIANS)));
	}

	@Test
	void refusesAnAccessTokenWithoutAudience() throws Exception {
		var claims = new JWTClaimsSet.Builder().subject("clara")
			.issuer(new ProloSecurityProperties().getIssuer())
			.issueTime(new Date())
			.expirationTime(Date.from(Instant.now().plusSeconds(600)))
			.claim("groups", java.util.List.of(Roles.CLINICIANS))
			.build();

		assertRefusedAsInvalidToken(me(TestTokens.signed(claims)));
	}

	@Test
	void refusesTheIdTokenOfTheBrowserSignIn() throws Exception {
		assertRefusedAsInvalidToken(me(TestTokens.idToken("prolo-web", "clara", Roles.CLINICIANS)));
	}

	@Test
	void refusesAnIdTokenEvenWhenItsAudienceIsAccepted() throws Exception {
		// A provider whose client id is also the API's audience (Entra ID's app
		// registrations often are) issues ID tokens the audience rule alone would pass.
		assertRefusedAsInvalidToken(me(TestTokens.idToken(TestTokens.AUDIENCE, "clara", Roles.CLINICIANS)));
	}

	@Test
	void refusesAKeycloakStyleIdTokenWithoutNonce() throws Exception {
		var claims = new JWTClaimsSet.Builder().subject("clara")
			.issuer(new ProloSecurityProperties().getIssuer())
			.audience(TestTokens.AUDIENCE)
			.issueTime(new Date())
			.expirationTime(Date.from(Instant.now().plusSeconds(600)))
			.jwtID(UUID.randomUUID().toString())
			.claim("typ", "ID")
			.claim("groups", java.util.List.of(Roles.CLINICIANS))
			.build();

		assertRefusedAsInvalidToken(me(TestTokens.signed(claims)));
	}

	private void assertRefusedAsInvalidToken(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).get()
			.asString()
			.startsWith("application/problem+json");
		assertThat(response.headers().firstValue("WWW-Authenticate")).get()
			.asString()
			.startsWith("Bearer")
			.contains("error=\"invalid_token\"");
		assertThat(response.body()).contains("\"status\":401");
	}

	private HttpResponse<String> me(String authorization) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/me"))
			.header("Authorization", authorization)
			.header("Accept", "application/json")
			.build();
		return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
