package org.prolo.portal.followup;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.prolo.portal.PortalPages;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ReferralPageTests extends PortalPages {

	private static final String ID = "R-0f8fad5b-d9cb-469f-a165-70867728950e";

	private static final String PATH = "/api/referrals/" + ID;

	private static final String TIMELINE = """
			{"referralId":"%s","status":"INFO_REQUESTED","fhirStatus":"on-hold","entries":[
			 {"at":"2025-01-15T09:30:00Z","type":"ReferralSubmitted","summary":"Submitted by dr-ada: KNEE_OSTEOARTHRITIS, ROUTINE","source":"/prolo/intake"},
			 {"at":"2025-01-16T10:00:00Z","type":"ReferralInfoRequested","summary":"Information requested by ingrid","source":"/prolo/workflow"}]}"""
		.formatted(ID);

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void showsStatusTheClinicsQuestionWithAnAnswerFormAndTheTimeline() throws Exception {
		intake.answer("GET", PATH, 200, referralJson(ID, "INFO_REQUESTED", "on-hold", "2025-01-15T09:30:00Z",
				"Please attach the latest knee X-ray report.", null));
		intake.answer("GET", PATH + "/timeline", 200, TIMELINE);

		String page = this.mvc.perform(get("/referrals/" + ID).accept(MediaType.TEXT_HTML).with(physician("dr-ada")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).containsOnlyOnce("<h1>")
			.contains("<h1>Referral <span>" + ID + "</span></h1>", "<strong>Information requested</strong>",
					"<code>on-hold</code>", "Action needed", "<h2 id=\"question-heading\">The clinic's question</h2>",
					"Please attach the latest knee X-ray report.", "action=\"/referrals/" + ID + "/information\"",
					"<label for=\"answer\">Your answer", "Send answer", "Referral info requested",
					"Information requested by ingrid", "<h2 id=\"withdraw-heading\">Withdraw this referral</h2>",
					"Withdraw referral", "Jane Example")
			.doesNotContain("not available yet");
		assertThat(page.indexOf("Referral submitted")).isLessThan(page.indexOf("Referral info requested"));
		assertThat(intake.only("GET", PATH + "/timeline").header(HttpHeaders.AUTHORIZATION))
			.isEqualTo("Bearer " + tokenOf("dr-ada"));
	}

	@Test
	void showsTheReferralWithoutItsTimelineWhenIntakeCannotGiveIt() throws Exception {
		intake.answer("GET", PATH, 200, referralJson(ID, "TRIAGE", "received", "2025-01-15T09:30:00Z"));
		intake.answer("GET", PATH + "/timeline", 503, "{\"status\":503}");

		this.mvc.perform(get("/referrals/" + ID).accept(MediaType.TEXT_HTML).with(physician("dr-ada")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<strong>In triage</strong>")))
			.andExpect(content().string(containsString("The timeline is not available yet.")))
			.andExpect(content().string(not(containsString("question-heading"))));
	}

	@Test
	void showsTheOutcomeOfAClosedReferralAndNoWithdrawal() throws Exception {
		intake.answer("GET", PATH, 200, referralJson(ID, "NOT_SUITABLE", "rejected", "2025-01-15T09:30:00Z", null, """
				{"code":"NOT_SUITABLE","reasonCode":"NOT_CHRONIC","note":"Pain for less than three months.",
				 "closedAt":"2025-02-01T10:00:00Z"}"""));

		this.mvc.perform(get("/referrals/" + ID).accept(MediaType.TEXT_HTML).with(physician("dr-ada")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<dd>Not suitable for prolotherapy</dd>")))
			.andExpect(content().string(containsString("<code>NOT_CHRONIC</code>")))
			.andExpect(content().string(containsString("Pain for less than three months.")))
			.andExpect(content().string(not(containsString("Withdraw referral"))));
	}

	@Test
	void saysThatThePlannedCoursesSessionsWaitForDatesAndALetterWillFollow() throws Exception {
		intake.answer("GET", PATH, 200, referralJson(ID, "COURSE_PLANNED", "completed", "2025-01-15T09:30:00Z", null,
				"""
						{"code":"COURSE_PLANNED","note":"Five sessions, two weeks apart.","closedAt":"2025-02-01T10:00:00Z"}""")
			.replace("\"status\":", "\"waitingFor\":\"COURSE\",\"status\":"));

		this.mvc.perform(get("/referrals/" + ID).accept(MediaType.TEXT_HTML).with(physician("dr-ada")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<strong>Course of treatment planned; the sessions are "
					+ "waiting for dates: the clinic&#39;s calendar is full, you will get a letter with the dates"
					+ "</strong>")))
			.andExpect(content().string(containsString("<code>completed</code>")))
			.andExpect(content().string(containsString("<dd>Course of treatment planned</dd>")))
			.andExpect(content().string(not(containsString("Withdraw referral"))));
	}

	@Test
	void showsAnotherPhysiciansReferralAsNotFound() throws Exception {
		// Intake answers 404 for a referral the caller may not see.
		this.mvc.perform(get("/referrals/R-of-dr-ben").accept(MediaType.TEXT_HTML).with(physician("dr-ada")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("<h1>Referral not found</h1>")));

		assertThat(intake.only("GET", "/api/referrals/R-of-dr-ben").header(HttpHeaders.AUTHORIZATION))
			.isEqualTo("Bearer " + tokenOf("dr-ada"));
	}

	@Test
	void refusesAnIdThatIsNoReferralIdWithoutAskingIntake() throws Exception {
		this.mvc.perform(get("/referrals/{id}", "R_1").accept(MediaType.TEXT_HTML).with(physician("dr-ada")))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Referral not found")));

		assertThat(intake.requests()).isEmpty();
	}

	@Test
	void postsTheAnswerToIntakeAndReturnsToTheReferral() throws Exception {
		intake.answer("POST", PATH + "/information", 202,
				referralJson(ID, "TRIAGE", "received", "2025-01-15T09:30:00Z"));

		this.mvc
			.perform(post("/referrals/" + ID + "/information").with(physician("dr-ada"))
				.with(csrf())
				.accept(MediaType.TEXT_HTML)
				.param("answer", "X-ray from March attached: Kellgren-Lawrence grade 2."))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/referrals/" + ID))
			.andExpect(flash().attribute("confirmation", "Your answer was sent to the clinic."));

		var request = intake.only("POST", PATH + "/information");
		assertThat(this.json.readTree(request.body()))
			.isEqualTo(this.json.readTree("{\"answer\":\"X-ray from March attached: Kellgren-Lawrence grade 2.\"}"));
		assertThat(request.header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + tokenOf("dr-ada"));
	}

	@Test
	void showsIntakesErrorOnTheAnswerNextToIt() throws Exception {
		intake.answer("POST", PATH + "/information", 400,
				"{\"title\":\"Invalid request\",\"status\":400,\"errors\":[{\"field\":\"answer\",\"message\":\"size must be between 0 and 2000\"}]}");
		intake.answer("GET", PATH, 200, referralJson(ID, "INFO_REQUESTED", "on-hold", "2025-01-15T09:30:00Z",
				"Please attach the latest knee X-ray report.", null));

		this.mvc
			.perform(post("/referrals/" + ID + "/information").with(physician("dr-ada"))
				.with(csrf())
				.accept(MediaType.TEXT_HTML)
				.param("answer", "far too long"))
			.andExpect(status().isBadRequest())
			.andExpect(content()
				.string(containsString("<a href=\"#answer\">Your answer size must be between 0 and 2000.</a>")))
			.andExpect(content().string(containsString("id=\"answer-error\"")))
			.andExpect(content().string(containsString("aria-describedby=\"answer-hint answer-error\"")))
			.andExpect(content().string(containsString(">far too long</textarea>")));
	}

	@Test
	void withdrawsWithTheReasonAndReturnsToTheReferral() throws Exception {
		intake.answer("POST", PATH + "/withdrawal", 202,
				referralJson(ID, "WITHDRAWN", "cancelled", "2025-01-15T09:30:00Z"));

		this.mvc
			.perform(post("/referrals/" + ID + "/withdrawal").with(physician("dr-ada"))
				.with(csrf())
				.accept(MediaType.TEXT_HTML)
				.param("reason", "Patient moved to another region")
				.param("confirm", "yes"))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/referrals/" + ID))
			.andExpect(flash().attribute("confirmation", "The referral was withdrawn."));

		var request = intake.only("POST", PATH + "/withdrawal");
		assertThat(this.json.readTree(request.body()))
			.isEqualTo(this.json.readTree("{\"reason\":\"Patient moved to another region\"}"));
		assertThat(request.header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + tokenOf("dr-ada"));
	}

	@Test
	void withdrawsOnlyWhenThePhysicianConfirms() throws Exception {
		intake.answer("GET", PATH, 200, referralJson(ID, "TRIAGE", "received", "2025-01-15T09:30:00Z"));

		this.mvc
			.perform(post("/referrals/" + ID + "/withdrawal").with(physician("dr-ada"))
				.with(csrf())
				.accept(MediaType.TEXT_HTML)
				.param("reason", "Patient moved"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("<a href=\"#confirm\">Tick the box")))
			.andExpect(content().string(containsString(">Patient moved</textarea>")));

		assertThat(intake.requests()).noneMatch(r -> r.method().equals("POST"));
	}

	@Test
	void explainsAWithdrawalOfAReferralThatClosedMeanwhile() throws Exception {
		intake.answer("POST", PATH + "/withdrawal", 409, """
				{"title":"Not possible in the referral's status","status":409,"referralStatus":"COURSE_PLANNED"}""");

		this.mvc
			.perform(post("/referrals/" + ID + "/withdrawal").with(physician("dr-ada"))
				.with(csrf())
				.accept(MediaType.TEXT_HTML)
				.param("confirm", "yes"))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/referrals/" + ID))
			.andExpect(flash().attribute("notice", "This referral is already closed, so it was not withdrawn."));
	}

	@Test
	void refusesAnAnswerOrWithdrawalWithoutCsrfToken() throws Exception {
		this.mvc
			.perform(post("/referrals/" + ID + "/information").with(physician("dr-ada"))
				.accept(MediaType.TEXT_HTML)
				.param("answer", "Yes"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/referrals/" + ID + "/withdrawal").with(physician("dr-ada"))
				.with(csrf().useInvalidToken())
				.accept(MediaType.TEXT_HTML)
				.param("confirm", "yes"))
			.andExpect(status().isForbidden());

		assertThat(intake.requests()).isEmpty();
	}

}
