package org.prolo.portal.listing;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.BrowserSessions;
import org.prolo.portal.FakeIntake.Answer;
import org.prolo.portal.PortalPages;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class MyReferralsPageTests extends PortalPages {

	@Test
	void listsThePhysiciansOwnReferralsNewestFirstWithStatusInWordsAndFhirCode() throws Exception {
		intake.answer("GET", "/api/referrals", 200,
				"[" + referralJson("R-newer", "INFO_REQUESTED", "on-hold", "2025-02-01T09:00:00Z") + ","
						+ referralJson("R-older", "TRIAGE", "received", "2025-01-10T09:00:00Z") + "]");

		String page = this.mvc.perform(get("/").accept(MediaType.TEXT_HTML).with(physician("dr-ada")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1>My referrals</h1>")))
			.andExpect(content().string(containsString("<caption>Your referrals, newest first</caption>")))
			.andExpect(content().string(containsString("<th scope=\"col\">Status</th>")))
			.andExpect(content().string(containsString("Information requested")))
			.andExpect(content().string(containsString("<code>on-hold</code>")))
			.andExpect(content().string(containsString("In triage")))
			.andExpect(content().string(containsString("<code>received</code>")))
			.andExpect(content().string(containsString("Knee osteoarthritis")))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page.indexOf("R-newer")).isLessThan(page.indexOf("R-older"));
		assertThat(page).containsOnlyOnce("Action needed</strong>");
		assertThat(page.substring(page.indexOf("R-newer"), page.indexOf("R-older"))).contains("Action needed");
		var request = intake.only("GET", "/api/referrals");
		assertThat(request.header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + tokenOf("dr-ada"));
		assertThat(request.query()).isEqualTo("referrerId=dr-ada&page=0&size=20");
	}

	@Test
	void saysThatAPlannedCoursesSessionsWaitForDates() throws Exception {
		intake.answer("GET", "/api/referrals", 200,
				"[" + referralJson("R-waiting", "COURSE_PLANNED", "completed", "2025-02-01T09:00:00Z")
					.replace("\"status\":", "\"waitingFor\":\"COURSE\",\"status\":") + ","
						+ referralJson("R-booked", "COURSE_PLANNED", "completed", "2025-01-10T09:00:00Z") + "]");

		String page = this.mvc.perform(get("/").accept(MediaType.TEXT_HTML).with(physician("dr-ada")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		String waiting = page.substring(page.indexOf("R-waiting"), page.indexOf("R-booked"));
		assertThat(waiting).contains(
				"Course of treatment planned; the sessions are waiting for dates: "
						+ "the clinic&#39;s calendar is full, you will get a letter with the dates",
				"<code>completed</code>");
		assertThat(page.substring(page.indexOf("R-booked"))).contains("Course of treatment planned</span>")
			.doesNotContain("waiting for dates");
	}

	@Test
	void asksIntakeForTheChosenPageStatusAndReferenceAndLinksThePagesAroundItKeepingTheFilter() throws Exception {
		intake.answer("GET", "/api/referrals",
				Answer.withHeaders(200, "[" + referralJson("R-41", "TRIAGE", "received", "2025-01-10T09:00:00Z") + "]",
						Map.of("X-Total-Count", "61")));

		String page = this.mvc
			.perform(get("/").param("page", "2")
				.param("status", "TRIAGE")
				.param("reference", "KNEE 20")
				.accept(MediaType.TEXT_HTML)
				.with(physician("dr-ada")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("61 referrals match.")))
			.andExpect(content().string(containsString("Page 2 of 4")))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(intake.only("GET", "/api/referrals").query())
			.isEqualTo("referrerId=dr-ada&page=1&size=20&status=TRIAGE&reference=KNEE%2020");
		assertThat(page).contains("href=\"/?page=1&amp;status=TRIAGE&amp;reference=KNEE%2020\" rel=\"prev\"")
			.contains("href=\"/?page=3&amp;status=TRIAGE&amp;reference=KNEE%2020\" rel=\"next\"")
			.contains("<option value=\"TRIAGE\" selected=\"selected\">In triage</option>")
			.contains("value=\"KNEE 20\"");
	}

	@Test
	void showsThePhysiciansOwnReference() throws Exception {
		intake.answer("GET", "/api/referrals", 200,
				"[" + referralJson("R-1", "SUBMITTED", "requested", "2025-01-10T09:00:00Z").replace("\"status\":",
						"\"referrerReference\":\"KNEE-0042\",\"status\":") + "]");

		this.mvc.perform(get("/").accept(MediaType.TEXT_HTML).with(physician("dr-ada")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<th scope=\"col\">Your reference</th>")))
			.andExpect(content().string(containsString("<td>KNEE-0042</td>")));
	}

	@Test
	void theLastPageHasNoNextLinkAndASinglePageNoPageLinks() throws Exception {
		intake.answer("GET", "/api/referrals",
				Answer.withHeaders(200, "[" + referralJson("R-1", "TRIAGE", "received", "2025-01-10T09:00:00Z") + "]",
						Map.of("X-Total-Count", "41")));

		this.mvc.perform(get("/").param("page", "3").accept(MediaType.TEXT_HTML).with(physician("dr-ada")))
			.andExpect(content().string(containsString("rel=\"prev\"")))
			.andExpect(content().string(not(containsString("rel=\"next\""))));

		intake.reset();
		intake.answer("GET", "/api/referrals",
				Answer.withHeaders(200, "[" + referralJson("R-1", "TRIAGE", "received", "2025-01-10T09:00:00Z") + "]",
						Map.of("X-Total-Count", "1")));
		this.mvc.perform(get("/").accept(MediaType.TEXT_HTML).with(physician("dr-ada")))
			.andExpect(content().string(containsString("1 referral.")))
			.andExpect(content().string(not(containsString("aria-label=\"Pages"))));
	}

	@Test
	void refusesAnUnknownStatusOrABadPageOrReferenceWithoutAskingIntake() throws Exception {
		for (String[] bad : new String[][] { { "status", "OPEN" }, { "page", "0" }, { "page", "two" },
				{ "reference", "50%" } }) {
			this.mvc.perform(get("/").param(bad[0], bad[1]).accept(MediaType.TEXT_HTML).with(physician("dr-ada")))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("There is a problem")))
				.andExpect(content().string(not(containsString("<table"))));
		}

		assertThat(intake.requests()).isEmpty();
	}

	@Test
	void saysSoWhenNothingMatchesTheFilter() throws Exception {
		intake.answer("GET", "/api/referrals", Answer.withHeaders(200, "[]", Map.of("X-Total-Count", "0")));

		this.mvc.perform(get("/").param("status", "WITHDRAWN").accept(MediaType.TEXT_HTML).with(physician("dr-ada")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No referrals on this page match.")))
			.andExpect(content().string(not(containsString("You have not submitted"))));
	}

	@Test
	void saysSoWhenThePhysicianHasNoReferralsYet() throws Exception {
		intake.answer("GET", "/api/referrals", 200, "[]");

		this.mvc.perform(get("/").accept(MediaType.TEXT_HTML).with(physician("dr-ben")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("You have not submitted any referrals yet.")))
			.andExpect(content().string(not(containsString("<table"))));
	}

	@Test
	void showsStaffAPageThatSendsThemToTasklist() throws Exception {
		this.mvc
			.perform(get("/").accept(MediaType.TEXT_HTML)
				.with(BrowserSessions.signedIn("ingrid", Roles.INTAKE_COORDINATORS)))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("<h1>This portal is for referring physicians</h1>")))
			.andExpect(content().string(containsString("href=\"http://localhost:8080/camunda/app/tasklist/\"")))
			.andExpect(content().string(containsString("Sign out")));

		assertThat(intake.requests()).isEmpty();
	}

	@Test
	void keepsStaffOutOfEveryPortalPage() throws Exception {
		this.mvc
			.perform(get("/referrals/R-1").accept(MediaType.TEXT_HTML)
				.with(BrowserSessions.signedIn("clara", Roles.CLINICIANS)))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("This portal is for referring physicians")));

		assertThat(intake.requests()).isEmpty();
	}

	@Test
	void sendsAnAnonymousBrowserToSignIn() throws Exception {
		this.mvc.perform(get("/").accept(MediaType.TEXT_HTML))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/oauth2/authorization/prolo"));
	}

	@Test
	void showsAServiceUnavailablePageWhenIntakeFails() throws Exception {
		intake.answer("GET", "/api/referrals", 503, "{\"title\":\"Service Unavailable\",\"status\":503}");

		this.mvc.perform(get("/").accept(MediaType.TEXT_HTML).with(physician("dr-ada")))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("referral service</span> is not available</h1>")))
			.andExpect(content().string(not(containsString("Exception"))));
	}

	@Test
	void showsAServiceUnavailablePageWhenIntakeDropsTheConnection() throws Exception {
		intake.answer("GET", "/api/referrals", Answer.dropped());

		this.mvc.perform(get("/").accept(MediaType.TEXT_HTML).with(physician("dr-ada")))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().string(containsString("is not available")))
			.andExpect(content().string(not(containsString("Exception"))));
	}

	@Test
	void givesUpOnAnIntakeThatDoesNotAnswerInTime() throws Exception {
		// The tests' read timeout is 1 s.
		intake.answer("GET", "/api/referrals", Answer.after(Duration.ofSeconds(3), 200, "[]"));

		this.mvc.perform(get("/").accept(MediaType.TEXT_HTML).with(physician("dr-ada")))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().string(containsString("is not available")));
	}

	@Test
	void forbidsEveryScriptAndInlineStyleInItsPages() throws Exception {
		intake.answer("GET", "/api/referrals", 200, "[]");

		this.mvc.perform(get("/").accept(MediaType.TEXT_HTML).with(physician("dr-ada")))
			.andExpect(header().string("Content-Security-Policy", containsString("default-src 'none'")))
			.andExpect(header().string("Content-Security-Policy", containsString("style-src 'self'")))
			.andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
			.andExpect(header().string("Content-Security-Policy", not(containsString("script-src"))))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(content().string(not(containsString("<script"))))
			.andExpect(content().string(not(containsString("style="))));
	}

	@Test
	void servesItsStyleSheetWithoutSignIn() throws Exception {
		this.mvc.perform(get("/css/portal.css"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(":focus-visible")));
	}

}
