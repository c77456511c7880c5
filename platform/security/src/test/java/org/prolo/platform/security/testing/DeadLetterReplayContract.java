package org.prolo.platform.security.testing;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.AccessMatrix.Caller;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dead-letter replay of a service tested through {@link HttpOnlyServiceContext}, as a
 * clinic lead sends it: from a browser session only with the CSRF token of the service's
 * readable cookie sent back as the header, with a bearer token without one.
 */
public interface DeadLetterReplayContract {

	MockMvc mvc();

	/** The name of the service's CSRF cookie, e.g. {@code XSRF-TOKEN-SCHEDULING}. */
	String csrfCookie();

	@Test
	default void refusesAReplayFromABrowserSessionWithoutCsrfToken() throws Exception {
		mvc()
			.perform(post("/actuator/deadletters/workflow.referral-events")
				.with(BrowserSessions.signedIn("leo", Roles.CLINIC_LEADS))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isForbidden());

		// Past the CSRF check and the rules, refused only as incomplete.
		mvc()
			.perform(post("/actuator/deadletters/workflow.referral-events")
				.with(BrowserSessions.signedIn("leo", Roles.CLINIC_LEADS))
				.cookie(new Cookie(csrfCookie(), "a-csrf-token"))
				.header("X-XSRF-TOKEN", "a-csrf-token")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isBadRequest());
		mvc()
			.perform(post("/actuator/deadletters/workflow.referral-events")
				.header(HttpHeaders.AUTHORIZATION, Caller.CLINIC_LEAD.token())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isBadRequest());
	}

}
