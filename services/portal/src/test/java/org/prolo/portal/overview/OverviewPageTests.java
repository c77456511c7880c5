package org.prolo.portal.overview;

import java.time.Duration;
import java.util.List;

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

class OverviewPageTests extends PortalPages {

	static final String TREND = "/api/kpis/trend";

	static final String OVERDUE = "/api/overdue-tasks";

	/** Three weeks; triage completed in the first and the last, history never. */
	static final String TREND_JSON = """
			{"openByStatus":{"SUBMITTED":1,"TRIAGE":2,"INFO_REQUESTED":0,"ACCEPTED":1,"IN_ASSESSMENT":3},
			 "weeks":[
			  {"weekStarting":"2026-11-23","stages":[{"stage":"triage","count":2,"medianHours":20.5,"p90Hours":40.0},
			    {"stage":"history","count":0,"medianHours":null,"p90Hours":null}]},
			  {"weekStarting":"2026-11-30","stages":[{"stage":"triage","count":0,"medianHours":null,"p90Hours":null},
			    {"stage":"history","count":0,"medianHours":null,"p90Hours":null}]},
			  {"weekStarting":"2026-12-07","stages":[{"stage":"triage","count":1,"medianHours":3.25,"p90Hours":3.25},
			    {"stage":"history","count":0,"medianHours":null,"p90Hours":null}]}]}""";

	static final String OVERDUE_JSON = """
			{"asOf":"2026-12-07T20:00:00Z","total":3,
			 "byCandidateGroup":{"intake-coordinators":2,"clinical-coordinators":0,"clinicians":1}}""";

	@Test
	void showsALeadOpenReferralsOverdueTasksAndStageDurationsAsChartsWithTheirFigures() throws Exception {
		intake.answer("GET", TREND, 200, TREND_JSON);
		intake.answer("GET", OVERDUE, 200, OVERDUE_JSON);

		String page = this.mvc.perform(get("/overview").accept(MediaType.TEXT_HTML).with(clinicLead("leo")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1>Clinic overview</h1>")))
			.andReturn()
			.getResponse()
			.getContentAsString();

		// Open referrals by stage: a chart whose text alternative holds every figure, and
		// the same figures as a table.
		assertThat(page).contains("<h2 id=\"open-title\">Open referrals by stage</h2>")
			.contains("7 referrals are open.")
			.contains("aria-labelledby=\"open-svg-title open-svg-desc\"")
			.contains("<desc id=\"open-svg-desc\">Submitted: 1; In triage: 2; Information requested: 0; Accepted: 1; "
					+ "In assessment: 3.</desc>")
			.contains("<th scope=\"row\">In assessment</th><td class=\"number\">3</td>");
		// Overdue tasks by the group that works them.
		assertThat(page).contains("<h2 id=\"overdue-title\">Overdue tasks by group</h2>")
			.contains("<strong>3 in all</strong>")
			.contains(
					"<desc id=\"overdue-svg-desc\">Intake coordinators: 2; Clinical coordinators: 0; Clinicians: 1.</desc>")
			.contains("<th scope=\"row\">Intake coordinators</th><td class=\"number\">2</td>");
		// Durations: a line chart per stage, broken where a week has no figure.
		assertThat(page).contains("<h3 id=\"stage-1-title\">Triage</h3>")
			.contains("<desc id=\"stage-1-svg-desc\">Triage in hours, week of 23 November 2026: 2 completed, median "
					+ "20.5 h, 90th percentile 40 h; week of 7 December 2026: 1 completed, median 3.25 h, 90th "
					+ "percentile 3.25 h. Other weeks: none completed.</desc>")
			.contains("<title>Week of 7 December 2026: median 3.25 h</title>")
			.contains("<td class=\"number\">20.5 h</td>")
			.contains("<h3 id=\"stage-2-title\">Recording the history</h3>")
			.contains("No referral completed this stage in these weeks")
			.doesNotContain("<polyline")
			.contains("viewBox=\"0 0 640 220\"")
			.contains("role=\"img\"")
			.doesNotContain("Some figures are missing");
		// Both services asked with the lead's own token, timeline for the default weeks.
		var trend = intake.only("GET", TREND);
		assertThat(trend.header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + tokenOf("leo"));
		assertThat(trend.query()).isEqualTo("weeks=12");
		assertThat(intake.only("GET", OVERDUE).header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + tokenOf("leo"));
	}

	@Test
	void drawsALineThroughConsecutiveWeeksWithFigures() throws Exception {
		intake.answer("GET", TREND, 200,
				TREND_JSON.replace("{\"stage\":\"triage\",\"count\":0,\"medianHours\":null,\"p90Hours\":null}",
						"{\"stage\":\"triage\",\"count\":4,\"medianHours\":10.0,\"p90Hours\":30.0}"));
		intake.answer("GET", OVERDUE, 200, OVERDUE_JSON);

		this.mvc.perform(get("/overview").accept(MediaType.TEXT_HTML).with(clinicLead("leo")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<polyline class=\"series-median\" points=\"")))
			.andExpect(content().string(containsString("<polyline class=\"series-p90\" points=\"")));
	}

	@Test
	void asksTimelineForTheWeeksTheLeadChose() throws Exception {
		intake.answer("GET", TREND, 200, TREND_JSON);
		intake.answer("GET", OVERDUE, 200, OVERDUE_JSON);

		this.mvc.perform(get("/overview").param("weeks", "26").accept(MediaType.TEXT_HTML).with(clinicLead("leo")))
			.andExpect(status().isOk())
			.andExpect(
					content().string(containsString("<option value=\"26\" selected=\"selected\">26 weeks</option>")));

		assertThat(intake.only("GET", TREND).query()).isEqualTo("weeks=26");
	}

	@Test
	void refusesANumberOfWeeksTimelineDoesNotAnswerWithoutAskingAnyService() throws Exception {
		for (String weeks : List.of("0", "53", "twelve")) {
			this.mvc.perform(get("/overview").param("weeks", weeks).accept(MediaType.TEXT_HTML).with(clinicLead("leo")))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("There is a problem")))
				.andExpect(content().string(containsString("Weeks must be a whole number from 1 to 52.")))
				.andExpect(content().string(not(containsString("<svg"))));
		}

		assertThat(intake.requests()).isEmpty();
	}

	@Test
	void namesTheFiguresTimelineCouldNotGiveAndShowsTheOverdueTasks() throws Exception {
		intake.answer("GET", TREND, 503, "{\"title\":\"Service Unavailable\",\"status\":503}");
		intake.answer("GET", OVERDUE, 200, OVERDUE_JSON);

		String page = this.mvc.perform(get("/overview").accept(MediaType.TEXT_HTML).with(clinicLead("leo")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("Some figures are missing")
			.contains("Open referrals by stage and stage durations are missing. The timeline service is not "
					+ "available (it answered 503).")
			.contains("<desc id=\"overdue-svg-desc\">")
			.doesNotContain("open-svg-desc")
			.doesNotContain("stage-1-title")
			.doesNotContain("Exception");
	}

	@Test
	void namesTheOverdueTasksMissingWhenWorkflowDoesNotAnswerInTime() throws Exception {
		// The tests' overview timeout is 1 s.
		intake.answer("GET", TREND, 200, TREND_JSON);
		intake.answer("GET", OVERDUE, Answer.after(Duration.ofSeconds(3), 200, OVERDUE_JSON));

		String page = this.mvc.perform(get("/overview").accept(MediaType.TEXT_HTML).with(clinicLead("leo")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("Overdue tasks are missing. The workflow service did not answer.")
			.contains("<desc id=\"open-svg-desc\">")
			.contains("stage-1-title")
			.doesNotContain("overdue-svg-desc");
	}

	@Test
	void namesBothMissingWhenNeitherServiceAnswersOrAcceptsTheSignIn() throws Exception {
		intake.answer("GET", TREND, Answer.dropped());
		intake.answer("GET", OVERDUE, 403, "{\"title\":\"Forbidden\",\"status\":403}");

		this.mvc.perform(get("/overview").accept(MediaType.TEXT_HTML).with(clinicLead("leo")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("are missing. The timeline service did not answer.")))
			.andExpect(content().string(containsString(
					"Overdue tasks are missing. The workflow service did not accept your sign-in (it answered 403).")))
			.andExpect(content().string(not(containsString("<svg"))));
	}

	@Test
	void showsAPhysicianAPageForClinicLeadsOnlyWithoutAskingAnyService() throws Exception {
		this.mvc.perform(get("/overview").accept(MediaType.TEXT_HTML).with(physician("dr-ada")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("<h1>The clinic overview is for clinic leads</h1>")));

		assertThat(intake.requests()).isEmpty();
	}

	@Test
	void keepsOtherStaffOutOfTheOverview() throws Exception {
		for (String group : List.of(Roles.INTAKE_COORDINATORS, Roles.CLINICAL_COORDINATORS, Roles.CLINICIANS)) {
			this.mvc
				.perform(get("/overview").accept(MediaType.TEXT_HTML).with(BrowserSessions.signedIn("someone", group)))
				.andExpect(status().isForbidden())
				.andExpect(content().string(containsString("The clinic overview is for clinic leads")));
		}

		assertThat(intake.requests()).isEmpty();
	}

	@Test
	void sendsAnAnonymousBrowserToSignIn() throws Exception {
		this.mvc.perform(get("/overview").accept(MediaType.TEXT_HTML))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/oauth2/authorization/prolo"));
	}

	@Test
	void leadsFindTheOverviewFromTheStaffPageAndOtherStaffDoNot() throws Exception {
		this.mvc.perform(get("/").accept(MediaType.TEXT_HTML).with(clinicLead("leo")))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("<h1>This portal is for referring physicians</h1>")))
			.andExpect(content().string(containsString("on the <a href=\"/overview\">clinic overview</a>")))
			.andExpect(content().string(containsString("<nav aria-label=\"Clinic staff\">")));

		this.mvc
			.perform(get("/").accept(MediaType.TEXT_HTML)
				.with(BrowserSessions.signedIn("ingrid", Roles.INTAKE_COORDINATORS)))
			.andExpect(status().isForbidden())
			.andExpect(content().string(not(containsString("/overview"))));
	}

	@Test
	void namesTheStaffPagesAndLinksTheWaitingListInALeadsHeaderAndThePhysicianPortalInAPhysiciansHeader()
			throws Exception {
		intake.answer("GET", TREND, 200, TREND_JSON);
		intake.answer("GET", OVERDUE, 200, OVERDUE_JSON);
		intake.answer("GET", "/api/referrals", 200, "[]");

		this.mvc.perform(get("/overview").accept(MediaType.TEXT_HTML).with(clinicLead("leo")))
			.andExpect(content()
				.string(containsString("<title>Clinic overview – Staff pages – Prolotherapy clinic</title>")))
			.andExpect(content().string(containsString("Prolotherapy clinic · Staff pages</a>")))
			.andExpect(content().string(not(containsString("Physician portal"))))
			.andExpect(content().string(containsString("<a href=\"/waiting-list\">Waiting list</a>")));
		this.mvc.perform(get("/").accept(MediaType.TEXT_HTML).with(physician("dr-ada")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Prolotherapy clinic · Physician portal</a>")))
			.andExpect(content().string(not(containsString("Staff pages"))));
	}

	@Test
	void drawsItsChartsWithoutScriptOrInlineStyle() throws Exception {
		intake.answer("GET", TREND, 200, TREND_JSON);
		intake.answer("GET", OVERDUE, 200, OVERDUE_JSON);

		this.mvc.perform(get("/overview").accept(MediaType.TEXT_HTML).with(clinicLead("leo")))
			.andExpect(header().string("Content-Security-Policy", containsString("default-src 'none'")))
			.andExpect(header().string("Content-Security-Policy", not(containsString("script-src"))))
			.andExpect(content().string(containsString("<svg")))
			.andExpect(content().string(not(containsString("<script"))))
			.andExpect(content().string(not(containsString("style="))))
			.andExpect(content().string(not(containsString("<style"))));
	}

}
