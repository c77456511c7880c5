package org.prolo.intake.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.prolo.intake.information.AnsweringInformationRequest;
import org.prolo.intake.referral.ClinicalFindings;
import org.prolo.intake.referral.Condition;
import org.prolo.intake.referral.Outcome;
import org.prolo.intake.referral.Patient;
import org.prolo.intake.referral.Referral;
import org.prolo.intake.referral.ReferralNotFoundException;
import org.prolo.intake.referral.ReferralStateConflictException;
import org.prolo.intake.referral.ReferralStatus;
import org.prolo.intake.referral.Referrals;
import org.prolo.intake.referral.Referrer;
import org.prolo.intake.referral.Urgency;
import org.prolo.intake.submission.IdempotencyKeyReusedException;
import org.prolo.intake.submission.Submission;
import org.prolo.intake.submission.SubmittingReferral;
import org.prolo.intake.withdrawal.WithdrawingReferral;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The HTTP adapters of every feature in one slice (one cached context): request shapes,
 * validation, problem responses. The use cases are stubbed; the integration tests run
 * them for real.
 */
@WebMvcTest
class ReferralApiTests {

	static final String VALID = """
			{"referrer":{"id":"dr-ada","name":"Dr Ada Lovelace","email":"ada@referrers.example"},
			 "patient":{"pseudonym":"P-1a2b3c4d","name":"Demo Patient 1","birthDate":"1970-01-01","address":"1 Demo Street"},
			 "condition":"KNEE_OSTEOARTHRITIS","bodySite":"left knee","painDurationMonths":9,"priorConservativeCare":true,
			 "anticoagulated":false,"allergyToInjectate":false,"pregnant":false,"uncontrolledDiabetes":false,
			 "activeInfectionAtSite":false,"malignancyAtSite":false,"urgency":"ROUTINE","notes":"free text"}
			""";

	static final String ID = "R-0f8fad5b-d9cb-469f-a165-70867728950e";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	SubmittingReferral submitting;

	@MockitoBean
	WithdrawingReferral withdrawing;

	@MockitoBean
	AnsweringInformationRequest answering;

	@MockitoBean
	Referrals referrals;

	@Test
	void submittingAnswersCreatedWithTheLocation() throws Exception {
		given(submitting.submit(any(), eq(Optional.of("key-1")), anyString()))
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
		given(submitting.submit(any(), eq(Optional.of("key-1")), anyString()))
			.willReturn(new Submission(referral(ReferralStatus.SUBMITTED), true));

		submit(VALID).andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/referrals/" + ID))
			.andExpect(header().string("Idempotent-Replayed", "true"));
	}

	@Test
	void aReusedIdempotencyKeyWithAnotherBodyIsUnprocessable() throws Exception {
		given(submitting.submit(any(), any(), anyString())).willThrow(new IdempotencyKeyReusedException());

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
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("referrer", "patient", "condition",
					"bodySite", "painDurationMonths", "priorConservativeCare", "anticoagulated", "allergyToInjectate",
					"pregnant", "uncontrolledDiabetes", "activeInfectionAtSite", "malignancyAtSite", "urgency",
					// The policy names the parts of the missing referrer and patient too.
					"referrer.id", "referrer.name", "referrer.email", "patient.name", "patient.birthDate",
					"patient.address")));
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
		given(referrals.findById(ID)).willReturn(Optional.of(referral(ReferralStatus.INFO_REQUESTED)));

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
	void anUnknownReferralIsANotFoundProblem() throws Exception {
		given(referrals.findById("R-nope")).willReturn(Optional.empty());

		mvc.perform(get("/api/referrals/{id}", "R-nope"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.referralId").value("R-nope"));
	}

	@Test
	void listsAReferrersReferrals() throws Exception {
		given(referrals.findByReferrerId("dr-ada")).willReturn(List.of(referral(ReferralStatus.SUBMITTED)));

		mvc.perform(get("/api/referrals").param("referrerId", "dr-ada"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].id").value(ID));
	}

	@Test
	void listingWithoutAReferrerIsABadRequest() throws Exception {
		mvc.perform(get("/api/referrals"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void withdrawingAnswersAcceptedWithTheClosedReferral() throws Exception {
		given(withdrawing.withdraw(ID, "moved away")).willReturn(referral(ReferralStatus.WITHDRAWN));

		mvc.perform(post("/api/referrals/{id}/withdrawal", ID).contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"moved away\"}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("WITHDRAWN"))
			.andExpect(jsonPath("$.fhirStatus").value("cancelled"))
			.andExpect(jsonPath("$.outcome.code").value("WITHDRAWN"));
	}

	@Test
	void withdrawingNeedsNoBody() throws Exception {
		given(withdrawing.withdraw(eq(ID), isNull())).willReturn(referral(ReferralStatus.WITHDRAWN));

		mvc.perform(post("/api/referrals/{id}/withdrawal", ID)).andExpect(status().isAccepted());
	}

	@Test
	void withdrawingAClosedReferralIsAConflictProblem() throws Exception {
		given(withdrawing.withdraw(eq(ID), any()))
			.willThrow(new ReferralStateConflictException(ID, ReferralStatus.REJECTED, "it is already closed"));

		mvc.perform(post("/api/referrals/{id}/withdrawal", ID))
			.andExpect(status().isConflict())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(409))
			.andExpect(jsonPath("$.referralStatus").value("REJECTED"));
	}

	@Test
	void withdrawingAnUnknownReferralIsANotFoundProblem() throws Exception {
		given(withdrawing.withdraw(eq("R-nope"), any())).willThrow(new ReferralNotFoundException("R-nope"));

		mvc.perform(post("/api/referrals/{id}/withdrawal", "R-nope")).andExpect(status().isNotFound());
	}

	@Test
	void answeringResumesTriage() throws Exception {
		given(answering.answer(ID, "X-ray attached")).willReturn(referral(ReferralStatus.TRIAGE));

		mvc.perform(post("/api/referrals/{id}/information", ID).contentType(MediaType.APPLICATION_JSON)
			.content("{\"answer\":\"X-ray attached\"}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("TRIAGE"))
			.andExpect(jsonPath("$.fhirStatus").value("received"));
	}

	@Test
	void answeringWithoutAPendingRequestIsAConflictProblem() throws Exception {
		given(answering.answer(eq(ID), anyString()))
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
