package org.prolo.portal.waitinglist;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.prolo.platform.security.Roles;
import org.prolo.portal.FakeIntake.Answer;
import org.prolo.portal.PortalPages;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

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

/**
 * The waiting list as clinic leads and intake coordinators meet it, in front of a
 * stand-in for scheduling's {@code GET /api/waiting-list} and {@code POST /api/capacity}:
 * what the page shows, who may see it and add slots, and every answer scheduling can give
 * to added slots.
 */
class WaitingListPageTests extends PortalPages {

	static final String LIST = "/api/waiting-list";

	static final String CAPACITY = "/api/capacity";

	/**
	 * In scheduling's order: the urgent exam first though it waits less, then the routine
	 * one; a course whose submission scheduling has not read yet.
	 */
	static final String LIST_JSON = """
			[{"referralId":"R-2026-000031","purpose":"EXAM","patientPseudonym":"PSN-URGENT1","urgency":"URGENT",
			  "waitlistedAt":"2026-12-03T08:30:00Z","daysWaiting":4},
			 {"referralId":"R-2026-000017","purpose":"EXAM","patientPseudonym":"PSN-ROUTINE1","urgency":"ROUTINE",
			  "waitlistedAt":"2026-11-25T08:30:00Z","daysWaiting":12},
			 {"referralId":"R-2026-000009","purpose":"COURSE","patientPseudonym":null,"urgency":"ROUTINE",
			  "waitlistedAt":"2026-12-06T08:30:00Z","daysWaiting":1}]""";

	final ObjectMapper json = new ObjectMapper();

	@Test
	void showsEachPurposeInServiceOrderByPseudonymWithHowManyWaitAndTheLongestWait() throws Exception {
		intake.answer("GET", LIST, 200, LIST_JSON);

		String page = this.mvc.perform(get("/waiting-list").accept(MediaType.TEXT_HTML).with(clinicLead("leo")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1>Waiting list</h1>")))
			.andReturn()
			.getResponse()
			.getContentAsString();

		// Exams: a table with its caption and headers, urgent first as scheduling
		// ordered them, the longest wait named even though it is second.
		String exams = section(page, "exam");
		assertThat(exams).contains("<h2 id=\"exam-title\">Waiting for an exam</h2>")
			.contains("2 referrals wait for an exam; the longest has waited 12 days (since 25 November 2026")
			.contains("<caption>Waiting for an exam, in the order of booking</caption>")
			.contains("<th scope=\"col\">Patient (pseudonym)</th>")
			.contains("<th scope=\"col\" class=\"number\">Days waiting</th>")
			.contains("<th scope=\"row\"><code>R-2026-000031</code></th>")
			.contains("<td>PSN-URGENT1</td>")
			.contains("<span class=\"tag\">Urgent</span>")
			.contains("<time datetime=\"")
			.contains("<td class=\"number\">12 days</td>");
		assertThat(exams.indexOf("R-2026-000031")).isLessThan(exams.indexOf("R-2026-000017"));
		assertThat(exams).doesNotContain("R-2026-000009");
		// Courses: the one whose pseudonym scheduling does not know yet.
		String courses = section(page, "course");
		assertThat(courses).contains("1 referral waits for a course of treatment; the longest has waited 1 day")
			.contains("<td>not known yet</td>")
			.contains("<td>Course of treatment</td>")
			.doesNotContain("null");
		// Scheduling was asked with the lead's own token.
		assertThat(intake.only("GET", LIST).header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + tokenOf("leo"));
	}

	@Test
	void offersALeadTheAddSlotsFormWithItsLabelsAndToken() throws Exception {
		intake.answer("GET", LIST, 200, "[]");

		this.mvc.perform(get("/waiting-list").accept(MediaType.TEXT_HTML).with(clinicLead("leo")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No referral waits for an exam.")))
			.andExpect(content().string(containsString("<h2 id=\"add-slots-title\">Add slots</h2>")))
			.andExpect(content().string(containsString("<form method=\"post\" action=\"/waiting-list/slots\">")))
			.andExpect(content().string(containsString("name=\"_csrf\"")))
			.andExpect(content().string(containsString("<label for=\"date\">Day</label>")))
			.andExpect(content().string(containsString("<label for=\"slots\">Number of slots</label>")))
			.andExpect(content().string(not(containsString("<table"))));
	}

	@Test
	void showsAnIntakeCoordinatorTheListWithoutTheForm() throws Exception {
		intake.answer("GET", LIST, 200, LIST_JSON);

		this.mvc
			.perform(get("/waiting-list").accept(MediaType.TEXT_HTML).with(staff("ingrid", Roles.INTAKE_COORDINATORS)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("PSN-ROUTINE1")))
			.andExpect(content().string(not(containsString("Add slots"))))
			.andExpect(content().string(not(containsString("/waiting-list/slots"))));

		assertThat(intake.only("GET", LIST).header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + tokenOf("ingrid"));
	}

	@Test
	void keepsPhysiciansAndOtherStaffOffTheListWithoutAskingScheduling() throws Exception {
		this.mvc.perform(get("/waiting-list").accept(MediaType.TEXT_HTML).with(physician("dr-ada")))
			.andExpect(status().isForbidden())
			.andExpect(content()
				.string(containsString("<h1>The waiting list is for clinic leads and intake coordinators</h1>")));
		for (String group : List.of(Roles.CLINICAL_COORDINATORS, Roles.CLINICIANS)) {
			this.mvc.perform(get("/waiting-list").accept(MediaType.TEXT_HTML).with(staff("someone", group)))
				.andExpect(status().isForbidden());
		}

		assertThat(intake.requests()).isEmpty();
	}

	@Test
	void refusesSlotsFromAnIntakeCoordinatorOrAPhysicianOnTheServer() throws Exception {
		addSlots(staff("ingrid", Roles.INTAKE_COORDINATORS), "2026-12-14", "2").andExpect(status().isForbidden())
			.andExpect(content().string(containsString("<h1>Adding slots is for clinic leads</h1>")));
		addSlots(physician("dr-ada"), "2026-12-14", "2").andExpect(status().isForbidden());

		assertThat(intake.requests()).isEmpty();
	}

	@Test
	void refusesSlotsWithoutTheFormsCsrfToken() throws Exception {
		this.mvc
			.perform(post("/waiting-list/slots").with(clinicLead("leo"))
				.accept(MediaType.TEXT_HTML)
				.param("date", "2026-12-14")
				.param("slots", "2"))
			.andExpect(status().isForbidden());

		assertThat(intake.requests()).isEmpty();
	}

	@Test
	void addsTheLeadsSlotsAndSaysWhomSchedulingBooked() throws Exception {
		intake.answer("POST", CAPACITY, 200,
				"{\"date\":\"2026-12-14\",\"extraSlots\":2,\"booked\":[\"R-2026-000031\",\"R-2026-000017\"]}");

		addSlots(clinicLead("leo"), "2026-12-14", " 2 ").andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/waiting-list"))
			.andExpect(flash().attribute("confirmation",
					"2 slots added on 14 December 2026: 2 waiting referrals booked (R-2026-000031, R-2026-000017)."));

		var request = intake.only("POST", CAPACITY);
		assertThat(this.json.readTree(request.body()))
			.isEqualTo(this.json.readTree("{\"date\":\"2026-12-14\",\"slots\":2}"));
		assertThat(request.header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + tokenOf("leo"));
	}

	@Test
	void saysTheSlotsAreFreeWhenNoReferralWasWaiting() throws Exception {
		intake.answer("POST", CAPACITY, 200, "{\"date\":\"2026-12-14\",\"extraSlots\":1,\"booked\":[]}");

		addSlots(clinicLead("leo"), "2026-12-14", "1").andExpect(status().isSeeOther())
			.andExpect(flash().attribute("confirmation", "1 slot added on 14 December 2026. No referral was waiting "
					+ "for it; it is free for the next referrals accepted."));
	}

	@Test
	void showsTheConfirmationOnTheListAfterTheRedirect() throws Exception {
		intake.answer("GET", LIST, 200, "[]");

		this.mvc
			.perform(get("/waiting-list").with(clinicLead("leo"))
				.accept(MediaType.TEXT_HTML)
				.flashAttr("confirmation", "1 slot added on 14 December 2026: 1 waiting referral booked (R-1)."))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"<div class=\"confirmation\" role=\"status\">\n    <p>1 slot added on 14 December 2026: 1 waiting "
							+ "referral booked (R-1).</p>")));
	}

	@Test
	void showsSchedulingsRefusalOfTheDayNextToTheDayField() throws Exception {
		intake.answer("POST", CAPACITY, 400, """
				{"type":"https://prolo.example/problems/invalid-request","title":"Invalid request","status":400,
				 "errors":[{"field":"date","message":"must be a day the clinic works"}]}""");
		intake.answer("GET", LIST, 200, LIST_JSON);

		addSlots(clinicLead("leo"), "2026-12-25", "2").andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("There is a problem")))
			.andExpect(content().string(containsString("<a href=\"#date\">Day must be a day the clinic works.</a>")))
			.andExpect(content().string(containsString("id=\"date-error\"")))
			.andExpect(content().string(containsString("aria-describedby=\"date-hint date-error\"")))
			.andExpect(content().string(containsString("value=\"2026-12-25\"")))
			.andExpect(content().string(containsString("PSN-ROUTINE1")));
	}

	@Test
	void showsSchedulingsRefusalOfTheCountNextToTheNumberOfSlots() throws Exception {
		intake.answer("POST", CAPACITY, 400, """
				{"title":"Invalid request","status":400,
				 "errors":[{"field":"slots","message":"must be less than or equal to 50"}]}""");
		intake.answer("GET", LIST, 200, "[]");

		addSlots(clinicLead("leo"), "2026-12-14", "60").andExpect(status().isBadRequest())
			.andExpect(content()
				.string(containsString("<a href=\"#slots\">Number of slots must be less than or equal to 50.</a>")))
			.andExpect(content().string(containsString("aria-describedby=\"slots-hint slots-error\"")))
			.andExpect(content().string(containsString("value=\"60\"")));
	}

	@Test
	void refusesAFormItCannotSendWithoutAskingScheduling() throws Exception {
		intake.answer("GET", LIST, 200, "[]");

		addSlots(clinicLead("leo"), "next monday", "two").andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Day must be a date such as 2026-12-14.")))
			.andExpect(content().string(containsString("Number of slots must be a whole number from 1 to 50.")));

		assertThat(intake.requests()).noneMatch(request -> request.path().equals(CAPACITY));
	}

	@Test
	void saysSchedulingIsUnavailableAndNoSlotsWereAdded() throws Exception {
		intake.answer("POST", CAPACITY, 503, "{\"title\":\"Service Unavailable\",\"status\":503}");
		intake.answer("GET", LIST, 503, "{\"title\":\"Service Unavailable\",\"status\":503}");

		addSlots(clinicLead("leo"), "2026-12-14", "2").andExpect(status().isServiceUnavailable())
			.andExpect(content().string(
					containsString("The scheduling service is not available (it answered 503). No slots were added.")))
			.andExpect(content().string(containsString("The waiting list is not available just now")))
			.andExpect(content().string(not(containsString("Exception"))));
	}

	@Test
	void warnsThatTheSlotsMayHaveBeenAddedWhenSchedulingDoesNotAnswerInTime() throws Exception {
		// The tests' timeout for the staff pages' calls is 1 s.
		intake.answer("POST", CAPACITY,
				Answer.after(Duration.ofSeconds(3), 200, "{\"date\":\"2026-12-14\",\"extraSlots\":1,\"booked\":[]}"));
		intake.answer("GET", LIST, 200, "[]");

		addSlots(clinicLead("leo"), "2026-12-14", "1").andExpect(status().isServiceUnavailable())
			.andExpect(content().string(containsString("The scheduling service did not answer. The slots may have "
					+ "been added all the same: check the waiting list before adding them again.")));
	}

	@Test
	void namesTheListMissingWhenSchedulingRefusesTheSignIn() throws Exception {
		intake.answer("GET", LIST, 403, "{\"title\":\"Forbidden\",\"status\":403}");

		this.mvc.perform(get("/waiting-list").accept(MediaType.TEXT_HTML).with(clinicLead("leo")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"The scheduling service did not accept your sign-in (it answered 403). Signing out and in again may help.")))
			.andExpect(content().string(not(containsString("<table"))))
			.andExpect(content().string(containsString("Add slots")));
	}

	@Test
	void leadsAndIntakeCoordinatorsFindTheListFromTheStaffPage() throws Exception {
		for (var person : List.of(clinicLead("leo"), staff("ingrid", Roles.INTAKE_COORDINATORS))) {
			this.mvc.perform(get("/").accept(MediaType.TEXT_HTML).with(person))
				.andExpect(status().isForbidden())
				.andExpect(content().string(containsString("on the <a href=\"/waiting-list\">waiting list</a>")))
				.andExpect(content().string(containsString("<a href=\"/waiting-list\">Waiting list</a>")));
		}
		this.mvc.perform(get("/").accept(MediaType.TEXT_HTML).with(staff("clara", Roles.CLINICIANS)))
			.andExpect(status().isForbidden())
			.andExpect(content().string(not(containsString("/waiting-list"))));
	}

	/** The form sent as a browser sends it: with its CSRF token, asking for a page. */
	private ResultActions addSlots(RequestPostProcessor person, String date, String slots) throws Exception {
		return this.mvc.perform(post("/waiting-list/slots").with(person)
			.with(csrf())
			.accept(MediaType.TEXT_HTML)
			.param("date", date)
			.param("slots", slots));
	}

	/** The section of this id, from its opening tag to its end. */
	private static String section(String page, String id) {
		int at = page.indexOf("id=\"" + id + "\"");
		assertThat(at).as("section " + id).isNotNegative();
		int start = page.lastIndexOf("<section", at);
		return page.substring(start, page.indexOf("</section>", at));
	}

}
