package org.prolo.workflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import org.prolo.platform.events.DeadLetters.DeadLetter;
import org.prolo.platform.security.ProloSecurityAutoConfiguration;
import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.BrowserSessions;
import org.prolo.platform.security.testing.TestTokens;
import org.prolo.workflow.inspection.ReferralInspection.ActivityView;
import org.prolo.workflow.inspection.ReferralInspection.DeadLetterLookup;
import org.prolo.workflow.inspection.ReferralInspection.Events;
import org.prolo.workflow.inspection.ReferralInspection.IncidentView;
import org.prolo.workflow.inspection.ReferralInspection.JobView;
import org.prolo.workflow.inspection.ReferralInspection.ProcessInstanceView;
import org.prolo.workflow.inspection.ReferralInspection.Status;
import org.prolo.workflow.inspection.ReferralInspection.TaskView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The inspection API on its own, behind the service's real access rules (the shared
 * security and {@link InspectionAccess}): a clinic lead's calls, and who else gets what.
 */
@WebMvcTest(InspectionController.class)
@ImportAutoConfiguration(ProloSecurityAutoConfiguration.class)
@Import({ InspectionAccess.class, TestTokens.Decoder.class })
class InspectionControllerTests {

	static final String URL = "/api/referrals/{referralId}/inspection";

	static final Instant T0 = Instant.parse("2025-05-02T09:00:00Z");

	/** Calls without credentials unless a test adds some. */
	@Autowired
	MockMvc mvc;

	@Autowired
	WebApplicationContext context;

	/** Every call as the clinic lead leo, by bearer token. */
	MockMvc asLead;

	@BeforeEach
	void signInAsLead() {
		asLead = MockMvcBuilders.webAppContextSetup(context)
			.apply(SecurityMockMvcConfigurers.springSecurity())
			.defaultRequest(get("/").header(HttpHeaders.AUTHORIZATION, TestTokens.user("leo", Roles.CLINIC_LEADS)))
			.build();
	}

	@Test
	void answersAnAnonymousCallWithA401Problem() throws Exception {
		mvc.perform(get(URL, "ref-1"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(post(URL + "/jobs/{jobId}/retry", "ref-1", "job-1")).andExpect(status().isUnauthorized());
		then(inspecting).shouldHaveNoInteractions();
	}

	@Test
	void refusesPhysiciansAndServiceClients() throws Exception {
		mvc.perform(get(URL, "ref-1").header(HttpHeaders.AUTHORIZATION, TestTokens.physician("dr-ada")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(
				get(URL, "ref-1").header(HttpHeaders.AUTHORIZATION, TestTokens.client("workflow", Roles.TIMELINE_READ)))
			.andExpect(status().isForbidden());
		then(inspecting).shouldHaveNoInteractions();
	}

	@Test
	void letsEveryStaffGroupLookButOnlyClinicLeadsFix() throws Exception {
		given(inspecting.inspect("ref-1")).willReturn(stuck("ref-1"));
		for (String group : Roles.STAFF) {
			mvc.perform(get(URL, "ref-1").header(HttpHeaders.AUTHORIZATION, TestTokens.user("someone", group)))
				.andExpect(status().isOk());
		}
		for (String group : List.of(Roles.INTAKE_COORDINATORS, Roles.CLINICAL_COORDINATORS, Roles.CLINICIANS)) {
			String bearer = TestTokens.user("someone", group);
			mvc.perform(post(URL + "/jobs/{jobId}/retry", "ref-1", "job-1").header(HttpHeaders.AUTHORIZATION, bearer))
				.andExpect(status().isForbidden());
			mvc.perform(post(URL + "/dead-letters/{topic}/{partition}/{offset}/replay", "ref-1",
					"intake.referral-events.DLT", 2, 17)
				.header(HttpHeaders.AUTHORIZATION, bearer)).andExpect(status().isForbidden());
		}
		then(inspecting).should(never()).retryJob(ArgumentMatchers.anyString(), ArgumentMatchers.anyString());
	}

	@Test
	void aBrowserSessionFixesOnlyWithTheCsrfTokenTheScriptSends() throws Exception {
		given(inspecting.retryJob("ref-1", "job-1"))
			.willReturn(new JobView("job-1", "pi-1", "triage", "Triage referral", 1, "boom", T0, T0));
		RequestPostProcessor lead = BrowserSessions.signedIn("leo", Roles.CLINIC_LEADS);

		// As the page does: the token from the cookie the service set, back in the
		// header.
		Cookie token = mvc.perform(get(URL, "ref-1").with(lead))
			.andReturn()
			.getResponse()
			.getCookie("XSRF-TOKEN-WORKFLOW");
		assertThat(token).as("the cookie inspect.js reads").isNotNull();
		mvc.perform(post(URL + "/jobs/{jobId}/retry", "ref-1", "job-1").with(lead).cookie(token))
			.andExpect(status().isForbidden());
		then(inspecting).should(never()).retryJob(ArgumentMatchers.anyString(), ArgumentMatchers.anyString());

		mvc.perform(post(URL + "/jobs/{jobId}/retry", "ref-1", "job-1").with(lead)
			.cookie(token)
			.header("X-XSRF-TOKEN", token.getValue())).andExpect(status().isAccepted());
	}

	@MockitoBean
	InspectingReferral inspecting;

	@Test
	void showsWhatHoldsTheReferralUp() throws Exception {
		given(inspecting.inspect("ref-1")).willReturn(stuck("ref-1"));

		asLead.perform(get(URL, "ref-1"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.status.state").value("ACTIVE"))
			.andExpect(jsonPath("$.status.stage").value("Triage"))
			.andExpect(jsonPath("$.processInstances[0].businessKey").value("ref-1"))
			.andExpect(jsonPath("$.currentActivities[0].activityId").value("triage"))
			.andExpect(jsonPath("$.currentActivities[0].waitingForJob").value(true))
			.andExpect(jsonPath("$.incidents[0].type").value("failedJob"))
			.andExpect(jsonPath("$.incidents[0].jobId").value("job-1"))
			.andExpect(jsonPath("$.failedJobs[0].retries").value(0))
			.andExpect(jsonPath("$.failedJobs[0].exceptionMessage").value("boom"))
			.andExpect(jsonPath("$.openTasks").isEmpty())
			.andExpect(jsonPath("$.events.available").value(false))
			.andExpect(jsonPath("$.events.unavailableReason").value("the timeline service answered 503"))
			.andExpect(jsonPath("$.deadLetters.letters[0].deadLetterTopic").value("intake.referral-events.DLT"))
			.andExpect(jsonPath("$.deadLetters.letters[0].reason").value("IllegalStateException: boom"))
			.andExpect(jsonPath("$.deadLetters.letters[0].value").doesNotExist());
	}

	@Test
	void answersAnUnknownReferralWithA404Problem() throws Exception {
		given(inspecting.inspect("ref-404"))
			.willThrow(new NotFoundException("Referral not found", "No process instance of ref-404"));

		asLead.perform(get(URL, "ref-404"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Referral not found"))
			.andExpect(jsonPath("$.status").value(404));
	}

	@Test
	void rejectsAMalformedReferralIdWithAProblemNamingIt() throws Exception {
		asLead.perform(get(URL, "ref <1>"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("referralId"));
		asLead.perform(get(URL, "r".repeat(65))).andExpect(status().isBadRequest());
		then(inspecting).should(never()).inspect(ArgumentMatchers.anyString());
	}

	@Test
	void retriesAFailedJob() throws Exception {
		given(inspecting.retryJob("ref-1", "job-1"))
			.willReturn(new JobView("job-1", "pi-1", "triage", "Triage referral", 1, "boom", T0, T0));

		asLead.perform(post(URL + "/jobs/{jobId}/retry", "ref-1", "job-1"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.id").value("job-1"))
			.andExpect(jsonPath("$.retries").value(1));
	}

	@Test
	void answersARetryOfAnotherReferralsOrAnUnknownJobWith404() throws Exception {
		given(inspecting.retryJob("ref-1", "job-2"))
			.willThrow(new NotFoundException("Job not found", "Referral ref-1 has no job job-2"));

		asLead.perform(post(URL + "/jobs/{jobId}/retry", "ref-1", "job-2"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Job not found"));
	}

	@Test
	void answersARetryOfAJobThatHasRetriesLeftWith409() throws Exception {
		given(inspecting.retryJob("ref-1", "job-1")).willThrow(new JobNotFailedException("job-1", 2));

		asLead.perform(post(URL + "/jobs/{jobId}/retry", "ref-1", "job-1"))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void rejectsAMalformedJobId() throws Exception {
		asLead.perform(post(URL + "/jobs/{jobId}/retry", "ref-1", "job$1"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("jobId"));
		asLead.perform(get(URL + "/jobs/{jobId}/stacktrace", "ref-1", "job$1"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		then(inspecting).should(never()).retryJob(ArgumentMatchers.anyString(), ArgumentMatchers.anyString());
	}

	@Test
	void showsTheStackTraceOfAFailedJobAsText() throws Exception {
		given(inspecting.stackTrace("ref-1", "job-1")).willReturn("java.lang.IllegalStateException: boom\n\tat x");

		asLead.perform(get(URL + "/jobs/{jobId}/stacktrace", "ref-1", "job-1"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_PLAIN))
			.andExpect(content().string("java.lang.IllegalStateException: boom\n\tat x"));
	}

	@Test
	void answersTheStackTraceOfAnUnknownJobWithA404Problem() throws Exception {
		given(inspecting.stackTrace("ref-1", "job-9"))
			.willThrow(new NotFoundException("Job not found", "Referral ref-1 has no job job-9"));

		asLead.perform(get(URL + "/jobs/{jobId}/stacktrace", "ref-1", "job-9"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void replaysADeadLetter() throws Exception {
		given(inspecting.replayDeadLetter("ref-1", "intake.referral-events.DLT", 2, 17)).willReturn(letter("ref-1"));

		asLead
			.perform(post(URL + "/dead-letters/{topic}/{partition}/{offset}/replay", "ref-1",
					"intake.referral-events.DLT", 2, 17))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.originalTopic").value("intake.referral-events"));
	}

	@Test
	void answersAReplayOfAnUnknownDeadLetterWith404() throws Exception {
		given(inspecting.replayDeadLetter("ref-1", "intake.referral-events.DLT", 0, 99))
			.willThrow(new NotFoundException("Dead letter not found", "none"));

		asLead
			.perform(post(URL + "/dead-letters/{topic}/{partition}/{offset}/replay", "ref-1",
					"intake.referral-events.DLT", 0, 99))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Dead letter not found"));
	}

	@Test
	void rejectsAReplayWithABadTopicPartitionOrOffset() throws Exception {
		String replay = URL + "/dead-letters/{topic}/{partition}/{offset}/replay";
		asLead.perform(post(replay, "ref-1", "intake.referral-events", 0, 1))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("topic"));
		asLead.perform(post(replay, "ref-1", "intake.referral-events.DLT", -1, 1))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("partition"));
		asLead.perform(post(replay, "ref-1", "intake.referral-events.DLT", 0, "twelve"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("offset"));
		asLead.perform(post(replay, "ref-1", "intake.referral-events.DLT", "99999999999", 1))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("partition"));
		then(inspecting).should(never())
			.replayDeadLetter(ArgumentMatchers.anyString(), ArgumentMatchers.anyString(), ArgumentMatchers.anyInt(),
					ArgumentMatchers.anyLong());
	}

	static ReferralInspection stuck(String referralId) {
		return new ReferralInspection(referralId, new Status("ACTIVE", "Triage", null), List.of("Incident at triage"),
				List.of(new ProcessInstanceView("pi-1", referralId, "prolotherapy-referral", 1, "ACTIVE", T0, null,
						null)),
				List.of(new ActivityView("pi-1", "triage", "Triage referral", "userTask", true, List.of("inc-1"))),
				List.of(new IncidentView("inc-1", "pi-1", "failedJob", "boom", "triage", "Triage referral", "job-1",
						T0)),
				List.of(new JobView("job-1", "pi-1", "triage", "Triage referral", 0, "boom", T0, T0)),
				List.<TaskView>of(), Events.unavailable("the timeline service answered 503"),
				new DeadLetterLookup(true, null, List.of(letter(referralId))));
	}

	static DeadLetter letter(String referralId) {
		return new DeadLetter("intake.referral-events.DLT", 2, 17, referralId, T0, "intake.referral-events", 2, 40L,
				"IllegalStateException: boom", "org.prolo.events.ReferralWithdrawn", "ev-1", "workflow");
	}

}
