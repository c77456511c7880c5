package org.prolo.portal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.BrowserSessions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Client;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

/**
 * The portal as a browser meets it (MockMvc, signed-in sessions of platform/security's
 * test-jar) in front of {@link FakeIntake}. One Spring context for every page test.
 */
@SpringBootTest(properties = { "portal.intake-read-timeout=1s", "portal.overview-timeout=1s" })
@AutoConfigureMockMvc
public abstract class PortalPages {

	protected static final FakeIntake intake = FakeIntake.INSTANCE;

	@Autowired
	protected MockMvc mvc;

	@DynamicPropertySource
	static void intakeAndIdentity(DynamicPropertyRegistry registry) {
		registry.add("portal.intake-url", intake::url);
		// The staff pages' figures: timeline's, workflow's and scheduling's paths are not
		// intake's.
		registry.add("portal.timeline-url", intake::url);
		registry.add("portal.workflow-url", intake::url);
		registry.add("portal.scheduling-url", intake::url);
		// The token endpoint for refreshing access tokens lives there too.
		registry.add("prolo.security.internal-uri", intake::url);
	}

	@BeforeEach
	void resetIntake() {
		intake.reset();
	}

	/** The access token the physician's sign-in obtained, as intake must receive it. */
	protected static String tokenOf(String physicianId) {
		return "token-of-" + physicianId;
	}

	/**
	 * A physician's browser session with the access token of their sign-in (the
	 * authorized client of registration "prolo").
	 */
	protected static RequestPostProcessor physician(String id) {
		return withToken(BrowserSessions.signedIn(id, Roles.PHYSICIAN), id);
	}

	/**
	 * A clinic lead's browser session with the access token of their sign-in, as
	 * {@link #physician}.
	 */
	protected static RequestPostProcessor clinicLead(String id) {
		return staff(id, Roles.CLINIC_LEADS);
	}

	/**
	 * A browser session of a member of staff in this group, with the access token of
	 * their sign-in, as {@link #physician}.
	 */
	protected static RequestPostProcessor staff(String id, String group) {
		return withToken(BrowserSessions.signedIn(id, group), id);
	}

	/** As {@link #physician}, with the name and e-mail claims of a real ID token. */
	protected static RequestPostProcessor physician(String id, String name, String email) {
		return withToken(oidcLogin()
			.idToken(token -> token.subject(id)
				.claim("groups", List.of(Roles.PHYSICIAN))
				.claim("name", name)
				.claim("email", email))
			.authorities(AuthorityUtils.createAuthorityList("OIDC_USER", Roles.group(Roles.PHYSICIAN))), id);
	}

	/**
	 * What the OIDC sign-in of registration "prolo" leaves in the session, without any
	 * authorized client (use with {@code authentication(...)}). BrowserSessions would not
	 * do for that: spring-security-test hands its own access token to every registration.
	 */
	protected static OAuth2AuthenticationToken oidcSignIn(String id) {
		var idToken = new OidcIdToken("id-token-of-" + id, Instant.now().minusSeconds(60),
				Instant.now().plusSeconds(600), Map.of("sub", id, "groups", List.of(Roles.PHYSICIAN)));
		var authorities = AuthorityUtils.createAuthorityList("OIDC_USER", Roles.group(Roles.PHYSICIAN));
		return new OAuth2AuthenticationToken(new DefaultOidcUser(authorities, idToken), authorities, "prolo");
	}

	private static RequestPostProcessor withToken(RequestPostProcessor session, String id) {
		RequestPostProcessor client = oauth2Client("prolo").principalName(id)
			.accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, tokenOf(id), Instant.now(),
					Instant.now().plusSeconds(600)));
		return request -> client.postProcessRequest(session.postProcessRequest(request));
	}

	protected static String referralJson(String id, String status, String fhirStatus, String submittedAt) {
		return referralJson(id, status, fhirStatus, submittedAt, null, null);
	}

	/** A referral as intake's GET /api/referrals/{id} answers it. */
	protected static String referralJson(String id, String status, String fhirStatus, String submittedAt,
			String openQuestion, String outcomeJson) {
		return """
				{"id":"%s","status":"%s","fhirStatus":"%s",
				 "referrer":{"id":"dr-ada","name":"Dr Ada Lovelace","email":"ada@referrers.example"},
				 "patient":{"pseudonym":"P-1a2b3c4d","name":"Jane Example","birthDate":"1970-01-01","address":"1 Demo Street"},
				 "condition":"KNEE_OSTEOARTHRITIS","bodySite":"left knee","painDurationMonths":9,"priorConservativeCare":true,
				 "anticoagulated":false,"allergyToInjectate":false,"pregnant":false,"uncontrolledDiabetes":false,
				 "activeInfectionAtSite":false,"malignancyAtSite":false,"urgency":"ROUTINE","notes":"Pain on stairs",
				 "submittedAt":"%s"%s%s}"""
			.formatted(id, status, fhirStatus, submittedAt,
					(openQuestion != null) ? ",\"openQuestion\":\"" + openQuestion + "\"" : "",
					(outcomeJson != null) ? ",\"outcome\":" + outcomeJson : "");
	}

}
