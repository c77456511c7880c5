package org.prolo.timeline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.AccessMatrix;
import org.prolo.platform.security.testing.AccessMatrix.Access;
import org.prolo.platform.security.testing.AccessMatrix.Caller;
import org.prolo.platform.security.testing.AccessMatrix.Endpoint;
import org.prolo.platform.security.testing.AccessMatrixContract;
import org.prolo.platform.security.testing.BrowserSessions;
import org.prolo.platform.security.testing.DeadLetterReplayContract;
import org.prolo.platform.security.testing.TestTokens;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may call what: every endpoint of the timeline service against every kind of caller,
 * through the production filter chain and access rules (tokens signed by
 * {@link TestTokens}, checked for signature, issuer and expiry as in production). An
 * endpoint a caller may use answers as it would anyone (a 404 for an unknown referral is
 * a request that got past the rules); one it may not use answers 401, 403 or the sign-in
 * redirect, as {@link AccessMatrix} expects. The page at / is also checked with browser
 * sessions, as staff open it.
 */
class TimelineAccessMatrixTests extends HttpOnlyContext implements AccessMatrixContract, DeadLetterReplayContract {

	static final Caller INTAKE_SERVICE = Caller.bearer("client intake (timeline.read)",
			() -> TestTokens.client("intake", Roles.TIMELINE_READ));

	static final Caller WORKFLOW_SERVICE = Caller.bearer("client workflow (timeline.read)",
			() -> TestTokens.client("workflow", Roles.TIMELINE_READ));

	static final Caller CLIENT_WITHOUT_SCOPE = Caller.bearer("client radiology (imaging.report, not timeline.read)",
			() -> TestTokens.client("radiology", Roles.IMAGING_REPORT));

	static final AccessMatrix MATRIX = AccessMatrix.withServiceClients(INTAKE_SERVICE, WORKFLOW_SERVICE,
			CLIENT_WITHOUT_SCOPE);

	static final Set<Caller> STAFF = AccessMatrix.STAFF;

	/** Staff, and the services that show timelines to their own users. */
	static final Set<Caller> STAFF_OR_TIMELINE_READ = Set.of(Caller.INTAKE_COORDINATOR, Caller.CLINICAL_COORDINATOR,
			Caller.CLINICIAN, Caller.CLINIC_LEAD, INTAKE_SERVICE, WORKFLOW_SERVICE);

	@Override
	public Stream<Access> cases() {
		return MATRIX.cases(endpoints());
	}

	static List<Endpoint> endpoints() {
		List<Endpoint> endpoints = new ArrayList<>();
		for (String page : new String[] { "/", "/index.html", "/timeline.js" }) {
			endpoints.add(new Endpoint(HttpMethod.GET, page, null, STAFF, 200));
		}
		endpoints
			.add(new Endpoint(HttpMethod.GET, "/api/referrals/R-unknown/timeline", null, STAFF_OR_TIMELINE_READ, 404));
		endpoints.add(new Endpoint(HttpMethod.GET, "/api/kpis", null, STAFF_OR_TIMELINE_READ, 200));
		endpoints.add(new Endpoint(HttpMethod.GET, "/api/kpis/trend?weeks=4", null, STAFF_OR_TIMELINE_READ, 200));
		endpoints.addAll(MATRIX.platformEndpoints("/events/ReferralClosed/v1.avsc"));
		return endpoints;
	}

	@Test
	void servesThePageToSignedInStaffBrowsersOnly() throws Exception {
		mvc.perform(get("/").accept(MediaType.TEXT_HTML)
			.with(BrowserSessions.signedIn("carl", Roles.CLINICAL_COORDINATORS)))
			.andExpect(status().isOk())
			.andExpect(forwardedUrl("index.html"));
		mvc.perform(get("/index.html").accept(MediaType.TEXT_HTML)
			.with(BrowserSessions.signedIn("carl", Roles.CLINICAL_COORDINATORS)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<script src=\"/timeline.js\"></script>")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Content-Security-Policy", startsWith("default-src 'self'")))
			.andExpect(header().string("Referrer-Policy", "same-origin"));
		mvc.perform(get("/").accept(MediaType.TEXT_HTML).with(BrowserSessions.signedIn("dr-ada", Roles.PHYSICIAN)))
			.andExpect(status().isForbidden());
	}

	@Test
	void letsThePageReadTheApiWithItsSession() throws Exception {
		// What the page's fetch() sends: the session cookie, no token, no CSRF header
		// (a GET needs none).
		mvc.perform(get("/api/referrals/R-unknown/timeline").accept(MediaType.APPLICATION_JSON)
			.with(BrowserSessions.signedIn("carl", Roles.CLINICAL_COORDINATORS))).andExpect(status().isNotFound());
	}

	@Test
	void pageHasNoInlineScriptThePolicyWouldBlock() throws Exception {
		String csp = mvc.perform(get("/index.html").with(BrowserSessions.signedIn("carl", Roles.CLINICAL_COORDINATORS)))
			.andReturn()
			.getResponse()
			.getHeader("Content-Security-Policy");
		assertThat(csp).as("scripts fall back to default-src 'self'").doesNotContain("script-src");
		String page = new ClassPathResource("static/index.html").getContentAsString(StandardCharsets.UTF_8);
		assertThat(Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>").matcher(page).find())
			.as("an inline <script> in index.html")
			.isFalse();
		assertThat(page).doesNotContainPattern("\\son[a-z]+\\s*=");
	}

	@Override
	public String csrfCookie() {
		return "XSRF-TOKEN-TIMELINE";
	}

}
