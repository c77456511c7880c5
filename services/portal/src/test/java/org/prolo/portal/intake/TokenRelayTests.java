package org.prolo.portal.intake;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.prolo.platform.security.Roles;
import org.prolo.portal.PortalPages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The physician's own token on every call to intake: renewed with the refresh token when
 * it has expired, a new sign-in when there is none, and a page instead of a redirect loop
 * when intake refuses it.
 */
class TokenRelayTests extends PortalPages {

	@Autowired
	IntakeClient intakeClient;

	@Autowired
	OAuth2AuthorizedClientService authorizedClients;

	@Autowired
	ClientRegistrationRepository registrations;

	@AfterEach
	void signOut() {
		this.authorizedClients.removeAuthorizedClient("prolo", "dr-cy");
		SecurityContextHolder.clearContext();
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void renewsAnExpiredAccessTokenWithTheRefreshTokenBeforeCallingIntake() {
		var registration = this.registrations.findByRegistrationId("prolo");
		var signedIn = oidcSignIn("dr-cy");
		var expired = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "expired-token-of-dr-cy",
				Instant.now().minusSeconds(3600), Instant.now().minusSeconds(1800));
		this.authorizedClients.saveAuthorizedClient(new OAuth2AuthorizedClient(registration, "dr-cy", expired,
				new OAuth2RefreshToken("refresh-token-of-dr-cy", Instant.now().minusSeconds(3600))), signedIn);
		SecurityContextHolder.getContext().setAuthentication(signedIn);
		RequestContextHolder.setRequestAttributes(
				new ServletRequestAttributes(new MockHttpServletRequest(), new MockHttpServletResponse()));
		intake.answer("POST", "/oauth2/token", 200, """
				{"access_token":"renewed-token-of-dr-cy","token_type":"Bearer","expires_in":1800,
				 "refresh_token":"next-refresh-token-of-dr-cy","scope":"openid profile email"}""");
		intake.answer("GET", "/api/referrals", 200, "[]");

		assertThat(this.intakeClient.referralsOf("dr-cy", new ReferralListQuery(0, 20, null, null)).referrals())
			.isEmpty();

		var renewal = intake.only("POST", "/oauth2/token");
		assertThat(renewal.body()).contains("grant_type=refresh_token", "refresh_token=refresh-token-of-dr-cy");
		assertThat(intake.only("GET", "/api/referrals").header(HttpHeaders.AUTHORIZATION))
			.isEqualTo("Bearer renewed-token-of-dr-cy");
		assertThat(this.authorizedClients.<OAuth2AuthorizedClient>loadAuthorizedClient("prolo", "dr-cy")
			.getAccessToken()
			.getTokenValue()).isEqualTo("renewed-token-of-dr-cy");
	}

	@Test
	void sendsABrowserWhoseSessionHasNoAccessTokenToSignIn() throws Exception {
		// Not BrowserSessions: spring-security-test would hand its own token to every
		// registration. This session has none, as after a restart of the portal.
		this.mvc.perform(get("/").accept(MediaType.TEXT_HTML).with(authentication(oidcSignIn("dr-dee"))))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/oauth2/authorization/prolo"));

		assertThat(intake.requests()).isEmpty();
	}

	@Test
	void asksThePhysicianToSignInAgainWhenIntakeRefusesTheToken() throws Exception {
		intake.answer("GET", "/api/referrals", 401, "{\"title\":\"Unauthorized\",\"status\":401}");

		this.mvc.perform(get("/").accept(MediaType.TEXT_HTML).with(physician("dr-ada")))
			.andExpect(status().isUnauthorized())
			.andExpect(content().string(containsString("<h1>Please sign in again</h1>")))
			.andExpect(content().string(containsString("href=\"/oauth2/authorization/prolo\"")));
	}

}
