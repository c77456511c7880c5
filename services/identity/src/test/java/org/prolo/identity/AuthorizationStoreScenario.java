package org.prolo.identity;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.prolo.identity.authorizations.ExpiredAuthorizations;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorizations as the database keeps them, over real HTTP with profile demo: a
 * refresh token outlives a restart of identity, signing out ends it, and the clean-up
 * deletes exactly the authorizations nothing can use any more. Each database runs it (H2
 * here, PostgreSQL in production).
 */
abstract class AuthorizationStoreScenario {

	static final String WEB_REDIRECT = "http://localhost:8081/login/oauth2/code/prolo";

	/** Starts identity on the database under test, which outlives the context. */
	abstract ConfigurableApplicationContext start();

	@Test
	void aRefreshTokenStillWorksAfterARestart() {
		String refreshToken;
		try (ConfigurableApplicationContext first = start()) {
			refreshToken = webSignIn(new BrowserSignIn(StartedIdentity.base(first)), "carl").path("refresh_token")
				.asText();
		}

		try (ConfigurableApplicationContext second = start()) {
			HttpResponse<String> refreshed = refresh(new BrowserSignIn(StartedIdentity.base(second)), refreshToken);

			assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
			assertThat(BrowserSignIn.json(refreshed).path("access_token").asText()).isNotBlank();
		}
	}

	@Test
	void signingOutEndsTheRefreshTokenOfThatSignIn() {
		try (ConfigurableApplicationContext identity = start()) {
			BrowserSignIn browser = new BrowserSignIn(StartedIdentity.base(identity));
			JsonNode tokens = webSignIn(browser, "clara");
			String refreshToken = tokens.path("refresh_token").asText();
			HttpResponse<String> refreshed = refresh(browser, refreshToken);
			assertThat(refreshed.statusCode()).as("before signing out").isEqualTo(200);

			HttpResponse<String> signedOut = browser.get("/connect/logout?client_id=prolo-web&id_token_hint="
					+ BrowserSignIn.json(refreshed).path("id_token").asText()
					+ "&post_logout_redirect_uri=http://localhost:8081/", null);
			assertThat(signedOut.statusCode()).as(signedOut.body()).isEqualTo(302);
			assertThat(signedOut.headers().firstValue("Location")).hasValue("http://localhost:8081/");

			HttpResponse<String> afterwards = refresh(browser, refreshToken);
			assertThat(afterwards.statusCode()).isEqualTo(400);
			assertThat(BrowserSignIn.json(afterwards).path("error").asText()).isEqualTo("invalid_grant");
		}
	}

	@Test
	void theCleanUpDeletesOnlyAuthorizationsNothingCanUseAnyMore() {
		try (ConfigurableApplicationContext identity = start()) {
			OAuth2AuthorizationService authorizations = identity.getBean(OAuth2AuthorizationService.class);
			RegisteredClient web = identity.getBean(RegisteredClientRepository.class).findByClientId("prolo-web");
			Instant now = Instant.now();
			authorizations.save(authorization(web, "all-expired", now.minus(Duration.ofHours(2)), now.plusSeconds(60),
					now.plusSeconds(120)));
			authorizations.save(authorization(web, "refresh-still-valid", now.minus(Duration.ofHours(2)),
					now.plusSeconds(60), now.plus(Duration.ofHours(5))));
			authorizations.save(OAuth2Authorization.withRegisteredClient(web)
				.id("sign-in-under-way")
				.principalName("leo")
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.attribute(OAuth2ParameterNames.STATE, "state-under-way")
				.build());
			ExpiredAuthorizations cleanUp = identity.getBean(ExpiredAuthorizations.class);

			assertThat(cleanUp.removeExpiredAt(now.plus(Duration.ofMinutes(30)))).as("half an hour later").isZero();
			int removed = cleanUp.removeExpiredAt(now.plus(Duration.ofHours(2)));

			assertThat(removed).as("two hours later").isEqualTo(2);
			assertThat(authorizations.findById("all-expired")).isNull();
			assertThat(authorizations.findById("sign-in-under-way")).isNull();
			assertThat(authorizations.findById("refresh-still-valid")).isNotNull()
				.satisfies((kept) -> assertThat(kept.getRefreshToken().getToken().getTokenValue())
					.isEqualTo("refresh-refresh-still-valid"));
		}
	}

	private static OAuth2Authorization authorization(RegisteredClient client, String id, Instant issued,
			Instant accessExpires, Instant refreshExpires) {
		return OAuth2Authorization.withRegisteredClient(client)
			.id(id)
			.principalName("leo")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.accessToken(
					new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access-" + id, issued, accessExpires))
			.refreshToken(new OAuth2RefreshToken("refresh-" + id, issued, refreshExpires))
			.build();
	}

	/** prolo-web's sign-in, as a service's browser login does it: the token response. */
	static JsonNode webSignIn(BrowserSignIn browser, String user) {
		URI callback = browser.authorize(Map.of("response_type", "code", "client_id", "prolo-web", "redirect_uri",
				WEB_REDIRECT, "scope", "openid profile", "state", "st", "nonce", "n"), user, user);
		String code = BrowserSignIn.query(callback).get("code");
		assertThat(code).as(callback.toString()).isNotBlank();
		HttpResponse<String> response = browser.token(
				Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", WEB_REDIRECT), "prolo-web",
				"prolo-web-secret");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return BrowserSignIn.json(response);
	}

	static HttpResponse<String> refresh(BrowserSignIn browser, String refreshToken) {
		return browser.token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken), "prolo-web",
				"prolo-web-secret");
	}

}
