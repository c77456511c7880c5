package org.prolo.platform.security;

import org.junit.jupiter.api.Test;
import org.prolo.platform.security.app.SecuredApplication;
import org.prolo.platform.security.testing.BrowserSessions;
import org.prolo.platform.security.testing.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(classes = SecuredApplication.class,
		properties = { "spring.application.name=exams", "prolo.security.max-request-size=1KB" })
@AutoConfigureMockMvc
@Import(TestTokens.Decoder.class)
class ProloSecurityTests {

	@Autowired
	MockMvc mvc;

	@Test
	void anonymousApiCallGetsProblemAndBearerChallenge() throws Exception {
		mvc.perform(get("/api/me").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, startsWith("Bearer")))
			.andExpect(header().string(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.instance").value("/api/me"));
	}

	@Test
	void anonymousBrowserIsSentToSignIn() throws Exception {
		mvc.perform(get("/page").accept(MediaType.TEXT_HTML))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/oauth2/authorization/prolo"));
	}

	@Test
	void signInGoesToTheIdentityServiceAsProloWeb() throws Exception {
		mvc.perform(get("/oauth2/authorization/prolo"))
			.andExpect(status().isFound())
			.andExpect(header().string(HttpHeaders.LOCATION, startsWith("http://localhost:9000/oauth2/authorize?")))
			.andExpect(header().string(HttpHeaders.LOCATION, containsString("client_id=prolo-web")))
			.andExpect(header().string(HttpHeaders.LOCATION, containsString("scope=openid%20profile%20email")));
	}

	@Test
	void tokenGroupsAndScopesBecomeTheCaller() throws Exception {
		mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, TestTokens.user("clara", Roles.CLINICIANS)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value("clara"))
			.andExpect(jsonPath("$.groups[0]").value("clinicians"))
			.andExpect(jsonPath("$.scopes").isEmpty());
		mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, TestTokens.client("workflow", "timeline.read")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value("workflow"))
			.andExpect(jsonPath("$.groups").isEmpty())
			.andExpect(jsonPath("$.scopes[0]").value("timeline.read"));
	}

	@Test
	void refusesExpiredAndForgedTokens() throws Exception {
		for (String token : new String[] { TestTokens.expired("clara", Roles.CLINICIANS),
				TestTokens.forged("clara", Roles.CLINICIANS), "Bearer not-a-jwt" }) {
			mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, token))
				.andExpect(status().isUnauthorized())
				.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("invalid_token")))
				.andExpect(jsonPath("$.status").value(401));
		}
	}

	@Test
	void serviceRulesRefuseOtherGroupsWithProblem() throws Exception {
		mvc.perform(post("/api/exams").header(HttpHeaders.AUTHORIZATION, TestTokens.physician("dr-ada"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}"))
			.andExpect(status().isForbidden())
			.andExpect(header().string(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE))
			.andExpect(jsonPath("$.status").value(403));
		mvc.perform(post("/api/exams").header(HttpHeaders.AUTHORIZATION, TestTokens.user("clara", Roles.CLINICIANS))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"a\":1}")).andExpect(status().isOk()).andExpect(jsonPath("$.by").value("clara"));
	}

	@Test
	void browserFormsNeedCsrfTokensWhileBearerCallsDoNot() throws Exception {
		mvc.perform(post("/api/exams").with(BrowserSessions.signedIn("clara", Roles.CLINICIANS))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/exams").with(BrowserSessions.signedIn("clara", Roles.CLINICIANS))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isOk());
		mvc.perform(post("/api/exams").header(HttpHeaders.AUTHORIZATION, TestTokens.user("clara", Roles.CLINICIANS))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isOk());
	}

	@Test
	// spring-security-test's csrf() swaps the filter's token repository for the rest of
	// the context's life, and that one writes no cookie.
	@DirtiesContext(methodMode = DirtiesContext.MethodMode.BEFORE_METHOD)
	void answersCarrySecurityHeadersAndTheCsrfCookie() throws Exception {
		var response = mvc.perform(get("/page").with(BrowserSessions.signedIn("clara", Roles.CLINICIANS)))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Referrer-Policy", "same-origin"))
			.andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andReturn()
			.getResponse();
		assertThat(response.getCookie("XSRF-TOKEN-EXAMS")).isNotNull();
	}

	@Test
	void refusesBodiesAboveTheLimit() throws Exception {
		mvc.perform(post("/api/exams").header(HttpHeaders.AUTHORIZATION, TestTokens.user("clara", Roles.CLINICIANS))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"a\":\"" + "x".repeat(2000) + "\"}")).andExpect(status().isPayloadTooLarge());
	}

	@Test
	void eachServiceHasItsOwnSessionCookie(@Value("${server.servlet.session.cookie.name}") String cookie) {
		assertThat(cookie).isEqualTo("PROLO_EXAMS_SESSION");
	}

}
