package org.prolo.intake.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.prolo.intake.information.AnsweringInformationRequest;
import org.prolo.intake.referral.ClinicalFindings;
import org.prolo.intake.referral.Condition;
import org.prolo.intake.referral.CourseWait;
import org.prolo.intake.referral.Actor;
import org.prolo.intake.referral.Outcome;
import org.prolo.intake.referral.Patient;
import org.prolo.intake.referral.Referral;
import org.prolo.intake.referral.ReferralAccessDeniedException;
import org.prolo.intake.referral.ReferralNotFoundException;
import org.prolo.intake.referral.ReferralPage;
import org.prolo.intake.referral.ReferralQuery;
import org.prolo.intake.referral.ReferralStateConflictException;
import org.prolo.referralstatus.ReferralStatus;
import org.prolo.intake.referral.Referrer;
import org.prolo.intake.referral.Urgency;
import org.prolo.intake.submission.IdempotencyKeyReusedException;
import org.prolo.intake.submission.Submission;
import org.prolo.intake.submission.SubmissionRateLimitedException;
import org.prolo.intake.submission.SubmittingReferral;
import org.prolo.intake.tracking.ReadingReferrals;
import org.prolo.intake.tracking.ReadingTimeline;
import org.prolo.intake.tracking.ReferralTimeline;
import org.prolo.intake.withdrawal.WithdrawingReferral;
import org.prolo.platform.security.problems.ServiceUnavailableException;
import org.prolo.platform.security.ProloSecurityAutoConfiguration;
import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The HTTP adapters of every feature in one slice (one cached context): request shapes,
 * validation, problem responses, behind the production sign-in and access rules. The use
 * cases are stubbed; the integration tests run them for real. The audit log's controller
 * needs its database and is tested in AuditLogTests.
 */
@WebMvcTest(
		excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.prolo\\.intake\\.audit\\..*"))
@ImportAutoConfiguration(ProloSecurityAutoConfiguration.class)
@Import({ TestTokens.Decoder.class, IntakeAccessRules.class })
class ReferralApiTests {

	static final String VALID = """
			{"referrer":{"id":"dr-ada","name":"Dr Ada Lovelace","email":"ada@referrers.example"},
			 "patient":{"pseudonym":"P-1a2b3c4d","name":"Demo Patient 1","birthDate":"1970-01-01","address":"1 Demo Street"},
			 "condition":"KNEE_OSTEOARTHRITIS","bodySite":"left knee","painDurationMonths":9,"priorConservativeCare":true,
			 "anticoagulated":false,"allergyToInjectate":false,"pregnant":false,"uncontrolledDiabetes":false,
			 "activeInfectionAtSite":false,"malignancyAtSite":false,"urgency":"ROUTINE","notes":"free text"}
			""";

	static final String ID = "R-0f8fad5b-d9cb-469f-a165-70867728950e";

	static final Actor ADA = new Actor("dr-ada", true, false);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	SubmittingReferral submitting;

	@MockitoBean
	WithdrawingReferral withdrawing;

	@MockitoBean
	AnsweringInformationRequest answering;

	@MockitoBean
	ReadingReferrals reading;

	@MockitoBean
	ReadingTimeline timelines;

	@Test
	void submittingAnswersCreatedWithTheLocation() throws Exception {
		given(submitting.submit(any(), any(), eq(Optional.of("key-1")), anyString()))
			.willReturn(new Submission(referral(ReferralStatus.SUBMITTED), false));

		submit(VALID).andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/referrals/" + ID))
			.andExpect(header().doesNotExist("Idempotent-Replayed"))
			.andExpect(content().json("""
					{"id":"%s","status":"SUBMITTED","fhirStatus":"requested","patientPseudonym":"P-1a2b3c4d",
					 "submittedAt":"2025-01-15T09:30:00.123Z"}""".formatted(ID), true));
	}

	@Test
	void aReplayedSubmissionSaysSo() throws Exception {
		given(submitting.submit(any(), any(), eq(Optional.of("key-1")), anyString()))
			.willReturn(new Submission(referral(ReferralStatus.SUBMITTED), true));

		submit(VALID).andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/referrals/" + ID))
			.andExpect(header().string("Idempotent-Replayed", "true"));
	}

	@Test
	void aReusedIdempotencyKeyWithAnotherBodyIsUnprocessable() throws Exception {
		given(submitting.submit(any(), any(), any(), anyString())).willThrow(new IdempotencyKeyReusedException());

		submit(VALID).andExpect(status().isUnprocessableEntity())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Idempotency-Key reused"));
	}

	@Test
	void namesEveryBadFieldOnce() throws Exception {
		String bad = """
				{"referrer":{"id":"dr-ada","name":"","email":"not-an-email"},
				 "patient":{"pseudonym":"Jane Doe","name":" ","birthDate":"2999-01-01"},
				 "condition":"FROZEN_SHOULDER","bodySite":"","painDurationMonths":601,"priorConservativeCare":null,
				 "anticoagulated":false,"allergyToInjectate":false,"pregnant":false,"uncontrolledDiabetes":false,
				 "activeInfectionAtSite":false,"urgency":"SOON","notes":"%s"}
				""".formatted("x".repeat(2001));

		submit(bad).andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.errors[*].field").value(contains("bodySite", "condition", "malignancyAtSite",
					"notes", "painDurationMonths", "patient.address", "patient.birthDate", "patient.name",
					"patient.pseudonym", "priorConservativeCare", "referrer.email", "referrer.name", "urgency")))
			.andExpect(jsonPath("$.errors[?(@.field == 'condition')].message").value(
					org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.startsWith("must be one of [LOW_BACK_PAIN"))));
		verifyNoInteractions(submitting);
	}

	@Test
	void namesEveryMissingFieldOfAnEmptyReferral() throws Exception {
		submit("{}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("patient", "condition", "bodySite",
					"painDurationMonths", "priorConservativeCare", "anticoagulated", "allergyToInjectate", "pregnant",
					"uncontrolledDiabetes", "activeInfectionAtSite", "malignancyAtSite", "urgency",
					// The policy names the parts of the missing patient too; the referrer
					// is the signed-in physician's.
					"patient.name", "patient.birthDate", "patient.address")));
	}

	@Test
	void malformedJsonIsABadRequestProblem() throws Exception {
		submit("{\"referrer\": ").andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Malformed request body"));
	}

	@Test
	void aValueOfTheWrongTypeIsNamed() throws Exception {
		submit(VALID.replace("\"painDurationMonths\":9", "\"painDurationMonths\":\"nine\""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("painDurationMonths"));
	}

	@Test
	void aBlankIdempotencyKeyIsABadRequest() throws Exception {
		mvc.perform(post("/api/referrals").contentType(MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", " ")
			.content(VALID))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
	}

	@Test
	void readsAReferralWithItsFhirStatusQuestionAndNoOutcomeYet() throws Exception {
		given(reading.read(ADA, ID)).willReturn(referral(ReferralStatus.INFO_REQUESTED));

		mvc.perform(get("/api/referrals/{id}", ID))
			.andExpect(status().isOk())
			.andExpect(content()
				.json("""
						{"id":"%s","status":"INFO_REQUESTED","fhirStatus":"on-hold",
						 "referrer":{"id":"dr-ada","name":"Dr Ada Lovelace","email":"ada@referrers.example"},
						 "patient":{"pseudonym":"P-1a2b3c4d","name":"Demo Patient 1","birthDate":"1970-01-01","address":"1 Demo Street"},
						 "condition":"KNEE_OSTEOARTHRITIS","bodySite":"left knee","painDurationMonths":9,
						 "priorConservativeCare":true,"anticoagulated":false,"allergyToInjectate":false,"pregnant":false,
						 "uncontrolledDiabetes":false,"activeInfectionAtSite":false,"malignancyAtSite":false,
						 "urgency":"ROUTINE","notes":"free text","submittedAt":"2025-01-15T09:30:00.123Z",
						 "openQuestion":"Latest X-ray?"}"""
					.formatted(ID), true));
	}

	@Test
	void saysWhatAReferralWaitsForBesideItsStatus() throws Exception {
		Referral planned = referral(ReferralStatus.COURSE_PLANNED);
		Instant waitlisted = Instant.parse("2025-02-01T10:00:00Z");
		given(reading.listOf(ADA, Optional.empty(), ReferralQuery.firstPage())).willReturn(new ReferralPage(List.of(
				new Referral(planned.id(), planned.referrer(), planned.patient(), planned.clinical(), planned.urgency(),
						planned.notes(), planned.submittedAt(), planned.status(), null, planned.outcome(), null,
						new CourseWait(waitlisted, waitlisted)),
				referral(ReferralStatus.WAITING_FOR_APPOINTMENT), planned), 3));

		mvc.perform(get("/api/referrals"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].status").value("COURSE_PLANNED"))
			.andExpect(jsonPath("$[0].fhirStatus").value("completed"))
			.andExpect(jsonPath("$[0].waitingFor").value("COURSE"))
			.andExpect(jsonPath("$[1].waitingFor").value("EXAM"))
			.andExpect(jsonPath("$[2].waitingFor").doesNotExist());
	}

	@Test
	void anUnknownReferralIsANotFoundProblem() throws Exception {
		given(reading.read(ADA, "R-nope")).willThrow(new ReferralNotFoundException("R-nope"));

		mvc.perform(get("/api/referrals/{id}", "R-nope"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.referralId").value("R-nope"));
	}

	@Test
	void listsAReferrersReferrals() throws Exception {
		given(reading.listOf(ADA, Optional.of("dr-ada"), ReferralQuery.firstPage()))
			.willReturn(new ReferralPage(List.of(referral(ReferralStatus.SUBMITTED)), 1));

		mvc.perform(get("/api/referrals").param("referrerId", "dr-ada"))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Total-Count", "1"))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].id").value(ID));
	}

	@Test
	void listsTheAskedPageWithTheStatusAndReferenceFilter() throws Exception {
		var query = new ReferralQuery(Optional.of(ReferralStatus.INFO_REQUESTED), Optional.of("KNEE-20"), 3, 50);
		given(reading.listOf(ADA, Optional.empty(), query))
			.willReturn(new ReferralPage(List.of(referral(ReferralStatus.INFO_REQUESTED)), 151));

		mvc.perform(get("/api/referrals").param("page", "3")
			.param("size", "50")
			.param("status", "INFO_REQUESTED")
			.param("reference", "KNEE-20"))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Total-Count", "151"))
			.andExpect(jsonPath("$[0].status").value("INFO_REQUESTED"));
	}

	@Test
	void pageSizeIsBetweenOneAndOneHundred() throws Exception {
		given(reading.listOf(eq(ADA), eq(Optional.empty()), any()))
			.willReturn(new ReferralPage(List.of(referral(ReferralStatus.SUBMITTED)), 1));

		mvc.perform(get("/api/referrals").param("size", "1")).andExpect(status().isOk());
		mvc.perform(get("/api/referrals").param("size", "100")).andExpect(status().isOk());
		for (String size : List.of("0", "101", "-1")) {
			mvc.perform(get("/api/referrals").param("size", size))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[0].field").value("size"));
		}
	}

	@Test
	void aNegativeOrTooDeepPageIsABadRequest() throws Exception {
		for (String page : List.of("-1", String.valueOf(ReferralQuery.MAX_PAGE + 1))) {
			mvc.perform(get("/api/referrals").param("page", page))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[0].field").value("page"));
		}
		verifyNoInteractions(reading);
	}

	@Test
	void aPageThatIsNotANumberIsABadRequestNamingIt() throws Exception {
		mvc.perform(get("/api/referrals").param("page", "two"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("page"));
		verifyNoInteractions(reading);
	}

	@Test
	void anUnknownStatusFilterIsABadRequest() throws Exception {
		for (String status : List.of("OPEN", "triage", "TRIAGE;drop table referral")) {
			mvc.perform(get("/api/referrals").param("status", status))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[0].field").value("status"));
		}
		verifyNoInteractions(reading);
	}

	@Test
	void everyStatusIsAStatusFilter() throws Exception {
		given(reading.listOf(eq(ADA), eq(Optional.empty()), any())).willReturn(new ReferralPage(List.of(), 0));

		for (ReferralStatus status : ReferralStatus.values()) {
			mvc.perform(get("/api/referrals").param("status", status.name())).andExpect(status().isOk());
		}
	}

	@Test
	void aReferenceSearchWithWildcardsOrTooLongIsABadRequest() throws Exception {
		for (String reference : List.of("50%", "x".repeat(41), "")) {
			mvc.perform(get("/api/referrals").param("reference", reference))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[0].field").value("reference"));
		}
		verifyNoInteractions(reading);
	}

	@Test
	void aPhysicianListsTheirOwnWithoutNamingThemselves() throws Exception {
		given(reading.listOf(ADA, Optional.empty(), ReferralQuery.firstPage()))
			.willReturn(new ReferralPage(List.of(referral(ReferralStatus.SUBMITTED)), 1));

		mvc.perform(get("/api/referrals")).andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(ID));
	}

	@Test
	void aBlankReferrerIsABadRequest() throws Exception {
		mvc.perform(get("/api/referrals").param("referrerId", " "))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("referrerId"));
		verifyNoInteractions(reading);
	}

	@Test
	void anotherReferrersListIsAForbiddenProblemNamingTheField() throws Exception {
		given(reading.listOf(ADA, Optional.of("dr-ben"), ReferralQuery.firstPage()))
			.willThrow(new ReferralAccessDeniedException("referrerId",
					"must be your own id (dr-ada): physicians list their own referrals only"));

		mvc.perform(get("/api/referrals").param("referrerId", "dr-ben"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("referrerId"));
	}

	@Test
	void submittingInAnotherNameIsAForbiddenProblemNamingTheReferrer() throws Exception {
		given(submitting.submit(any(), any(), any(), anyString())).willThrow(new ReferralAccessDeniedException(
				"referrer.id", "must be your own id (dr-ada): physicians refer in their own name"));

		submit(VALID).andExpect(status().isForbidden())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(403))
			.andExpect(jsonPath("$.errors[0].field").value("referrer.id"));
	}

	@Test
	void tooManySubmissionsIsATooManyRequestsProblemWithRetryAfter() throws Exception {
		given(submitting.submit(any(), any(), any(), anyString()))
			.willThrow(new SubmissionRateLimitedException(30, 10, Duration.ofMillis(1500)));

		submit(VALID).andExpect(status().isTooManyRequests())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(header().string(HttpHeaders.RETRY_AFTER, "2"))
			.andExpect(jsonPath("$.retryAfterSeconds").value(2));
	}

	@Test
	void submitsAsTheSignedInPhysician() throws Exception {
		given(submitting.submit(eq(ADA), any(), any(), anyString()))
			.willReturn(new Submission(referral(ReferralStatus.SUBMITTED), false));

		submit(VALID).andExpect(status().isCreated());
	}

	@Test
	void readsTheTimeline() throws Exception {
		given(timelines.timelineOf(ADA, ID)).willReturn(new ReferralTimeline(ID, "TRIAGE", "received",
				List.of(new ReferralTimeline.Entry(Instant.parse("2025-01-15T09:30:00Z"), "ReferralSubmitted",
						"Submitted", "/prolo/intake"))));

		mvc.perform(get("/api/referrals/{id}/timeline", ID))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("TRIAGE"))
			.andExpect(jsonPath("$.entries[0].type").value("ReferralSubmitted"));
	}

	@Test
	void anUnavailableTimelineIsAServiceUnavailableProblem() throws Exception {
		given(timelines.timelineOf(ADA, ID))
			.willThrow(new ServiceUnavailableException("timeline", "the timeline service answered 500", null));

		mvc.perform(get("/api/referrals/{id}/timeline", ID))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("the timeline service answered 500"));
	}

	@Test
	void staffMayReadButNotChange() throws Exception {
		given(reading.read(new Actor("ingrid", false, true), ID)).willReturn(referral(ReferralStatus.SUBMITTED));
		String ingrid = TestTokens.user("ingrid", Roles.INTAKE_COORDINATORS);

		mvc.perform(MockMvcRequestBuilders.get("/api/referrals/{id}", ID).header(HttpHeaders.AUTHORIZATION, ingrid))
			.andExpect(status().isOk());
		mvc.perform(MockMvcRequestBuilders.post("/api/referrals/{id}/withdrawal", ID)
			.header(HttpHeaders.AUTHORIZATION, ingrid)).andExpect(status().isForbidden());
		verifyNoInteractions(withdrawing);
	}

	@Test
	void withoutATokenEveryEndpointIsUnauthorized() throws Exception {
		for (MockHttpServletRequestBuilder request : List.of(MockMvcRequestBuilders.get("/api/referrals/{id}", ID),
				MockMvcRequestBuilders.get("/api/referrals"),
				MockMvcRequestBuilders.post("/api/referrals").contentType(MediaType.APPLICATION_JSON).content(VALID))) {
			mvc.perform(request)
				.andExpect(status().isUnauthorized())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		}
		verifyNoInteractions(submitting, reading);
	}

	@Test
	void withdrawingAnswersAcceptedWithTheClosedReferral() throws Exception {
		given(withdrawing.withdraw(ADA, ID, "moved away")).willReturn(referral(ReferralStatus.WITHDRAWN));

		mvc.perform(post("/api/referrals/{id}/withdrawal", ID).contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"moved away\"}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("WITHDRAWN"))
			.andExpect(jsonPath("$.fhirStatus").value("cancelled"))
			.andExpect(jsonPath("$.outcome.code").value("WITHDRAWN"));
	}

	@Test
	void withdrawingNeedsNoBody() throws Exception {
		given(withdrawing.withdraw(eq(ADA), eq(ID), isNull())).willReturn(referral(ReferralStatus.WITHDRAWN));

		mvc.perform(post("/api/referrals/{id}/withdrawal", ID)).andExpect(status().isAccepted());
	}

	@Test
	void withdrawingAClosedReferralIsAConflictProblem() throws Exception {
		given(withdrawing.withdraw(eq(ADA), eq(ID), any()))
			.willThrow(new ReferralStateConflictException(ID, ReferralStatus.REJECTED, "it is already closed"));

		mvc.perform(post("/api/referrals/{id}/withdrawal", ID))
			.andExpect(status().isConflict())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(409))
			.andExpect(jsonPath("$.referralStatus").value("REJECTED"));
	}

	@Test
	void withdrawingAnUnknownReferralIsANotFoundProblem() throws Exception {
		given(withdrawing.withdraw(eq(ADA), eq("R-nope"), any())).willThrow(new ReferralNotFoundException("R-nope"));

		mvc.perform(post("/api/referrals/{id}/withdrawal", "R-nope")).andExpect(status().isNotFound());
	}

	@Test
	void answeringResumesTriage() throws Exception {
		given(answering.answer(ADA, ID, "X-ray attached")).willReturn(referral(ReferralStatus.TRIAGE));

		mvc.perform(post("/api/referrals/{id}/information", ID).contentType(MediaType.APPLICATION_JSON)
			.content("{\"answer\":\"X-ray attached\"}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("TRIAGE"))
			.andExpect(jsonPath("$.fhirStatus").value("received"));
	}

	@Test
	void answeringWithoutAPendingRequestIsAConflictProblem() throws Exception {
		given(answering.answer(eq(ADA), eq(ID), anyString()))
			.willThrow(new ReferralStateConflictException(ID, ReferralStatus.ACCEPTED, "no request is pending"));

		mvc.perform(post("/api/referrals/{id}/information", ID).contentType(MediaType.APPLICATION_JSON)
			.content("{\"answer\":\"X-ray attached\"}"))
			.andExpect(status().isConflict())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void aBlankAnswerIsNamed() throws Exception {
		mvc.perform(post("/api/referrals/{id}/information", ID).contentType(MediaType.APPLICATION_JSON)
			.content("{\"answer\":\"\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("answer"));
		verifyNoInteractions(answering);
	}

	/** A request of dr-ada's, signed in with a bearer token. */
	private static MockHttpServletRequestBuilder get(String path, Object... variables) {
		return MockMvcRequestBuilders.get(path, variables)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.physician("dr-ada"));
	}

	private static MockHttpServletRequestBuilder post(String path, Object... variables) {
		return MockMvcRequestBuilders.post(path, variables)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.physician("dr-ada"));
	}

	private ResultActions submit(String body) throws Exception {
		return mvc.perform(post("/api/referrals").contentType(MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", "key-1")
			.content(body));
	}

	private static Referral referral(ReferralStatus status) {
		Instant at = Instant.parse("2025-01-15T09:30:00.123Z");
		return new Referral(ID, new Referrer("dr-ada", "Dr Ada Lovelace", "ada@referrers.example"),
				new Patient("P-1a2b3c4d", "Demo Patient 1", LocalDate.of(1970, 1, 1), "1 Demo Street"),
				new ClinicalFindings(Condition.KNEE_OSTEOARTHRITIS, "left knee", 9, true, false, false, false, false,
						false, false),
				Urgency.ROUTINE, "free text", at, status,
				(status == ReferralStatus.INFO_REQUESTED) ? "Latest X-ray?" : null,
				status.isClosed() ? new Outcome(status, null, null, at.plusSeconds(60)) : null);
	}

}
