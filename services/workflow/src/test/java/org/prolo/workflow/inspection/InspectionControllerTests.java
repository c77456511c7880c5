package org.prolo.workflow.inspection;

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

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import org.prolo.platform.events.DeadLetters.DeadLetter;
import org.prolo.workflow.inspection.ReferralInspection.ActivityView;
import org.prolo.workflow.inspection.ReferralInspection.DeadLetterLookup;
import org.prolo.workflow.inspection.ReferralInspection.Events;
import org.prolo.workflow.inspection.ReferralInspection.IncidentView;
import org.prolo.workflow.inspection.ReferralInspection.JobView;
import org.prolo.workflow.inspection.ReferralInspection.ProcessInstanceView;
import org.prolo.workflow.inspection.ReferralInspection.Status;
import org.prolo.workflow.inspection.ReferralInspection.TaskView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(InspectionController.class)
class InspectionControllerTests {

	static final String URL = "/api/referrals/{referralId}/inspection";

	static final Instant T0 = Instant.parse("2025-05-02T09:00:00Z");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	InspectingReferral inspecting;

	@Test
	void showsWhatHoldsTheReferralUp() throws Exception {
		given(inspecting.inspect("ref-1")).willReturn(stuck("ref-1"));

		mvc.perform(get(URL, "ref-1"))
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

		mvc.perform(get(URL, "ref-404"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Referral not found"))
			.andExpect(jsonPath("$.status").value(404));
	}

	@Test
	void rejectsAMalformedReferralIdWithAProblemNamingIt() throws Exception {
		mvc.perform(get(URL, "ref <1>"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("referralId"));
		mvc.perform(get(URL, "r".repeat(65))).andExpect(status().isBadRequest());
		then(inspecting).should(never()).inspect(ArgumentMatchers.anyString());
	}

	@Test
	void retriesAFailedJob() throws Exception {
		given(inspecting.retryJob("ref-1", "job-1"))
			.willReturn(new JobView("job-1", "pi-1", "triage", "Triage referral", 1, "boom", T0, T0));

		mvc.perform(post(URL + "/jobs/{jobId}/retry", "ref-1", "job-1"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.id").value("job-1"))
			.andExpect(jsonPath("$.retries").value(1));
	}

	@Test
	void answersARetryOfAnotherReferralsOrAnUnknownJobWith404() throws Exception {
		given(inspecting.retryJob("ref-1", "job-2"))
			.willThrow(new NotFoundException("Job not found", "Referral ref-1 has no job job-2"));

		mvc.perform(post(URL + "/jobs/{jobId}/retry", "ref-1", "job-2"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Job not found"));
	}

	@Test
	void answersARetryOfAJobThatHasRetriesLeftWith409() throws Exception {
		given(inspecting.retryJob("ref-1", "job-1")).willThrow(new JobNotFailedException("job-1", 2));

		mvc.perform(post(URL + "/jobs/{jobId}/retry", "ref-1", "job-1"))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void rejectsAMalformedJobId() throws Exception {
		mvc.perform(post(URL + "/jobs/{jobId}/retry", "ref-1", "job$1"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("jobId"));
		mvc.perform(get(URL + "/jobs/{jobId}/stacktrace", "ref-1", "job$1"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		then(inspecting).should(never()).retryJob(ArgumentMatchers.anyString(), ArgumentMatchers.anyString());
	}

	@Test
	void showsTheStackTraceOfAFailedJobAsText() throws Exception {
		given(inspecting.stackTrace("ref-1", "job-1")).willReturn("java.lang.IllegalStateException: boom\n\tat x");

		mvc.perform(get(URL + "/jobs/{jobId}/stacktrace", "ref-1", "job-1"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_PLAIN))
			.andExpect(content().string("java.lang.IllegalStateException: boom\n\tat x"));
	}

	@Test
	void answersTheStackTraceOfAnUnknownJobWithA404Problem() throws Exception {
		given(inspecting.stackTrace("ref-1", "job-9"))
			.willThrow(new NotFoundException("Job not found", "Referral ref-1 has no job job-9"));

		mvc.perform(get(URL + "/jobs/{jobId}/stacktrace", "ref-1", "job-9"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void replaysADeadLetter() throws Exception {
		given(inspecting.replayDeadLetter("ref-1", "intake.referral-events.DLT", 2, 17)).willReturn(letter("ref-1"));

		mvc.perform(post(URL + "/dead-letters/{topic}/{partition}/{offset}/replay", "ref-1",
				"intake.referral-events.DLT", 2, 17))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.originalTopic").value("intake.referral-events"));
	}

	@Test
	void answersAReplayOfAnUnknownDeadLetterWith404() throws Exception {
		given(inspecting.replayDeadLetter("ref-1", "intake.referral-events.DLT", 0, 99))
			.willThrow(new NotFoundException("Dead letter not found", "none"));

		mvc.perform(post(URL + "/dead-letters/{topic}/{partition}/{offset}/replay", "ref-1",
				"intake.referral-events.DLT", 0, 99))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Dead letter not found"));
	}

	@Test
	void rejectsAReplayWithABadTopicPartitionOrOffset() throws Exception {
		String replay = URL + "/dead-letters/{topic}/{partition}/{offset}/replay";
		mvc.perform(post(replay, "ref-1", "intake.referral-events", 0, 1))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("topic"));
		mvc.perform(post(replay, "ref-1", "intake.referral-events.DLT", -1, 1))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("partition"));
		mvc.perform(post(replay, "ref-1", "intake.referral-events.DLT", 0, "twelve"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("offset"));
		mvc.perform(post(replay, "ref-1", "intake.referral-events.DLT", "99999999999", 1))
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
