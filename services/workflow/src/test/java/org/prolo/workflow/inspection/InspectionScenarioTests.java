package org.prolo.workflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prolo.platform.events.DeadLetters.DeadLetter;
import org.prolo.platform.events.EventTopics;
import org.prolo.platform.events.KafkaAccess;
import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.FakeService;
import org.prolo.platform.security.testing.TestTokens;
import org.prolo.platform.testing.TestKafka;
import org.prolo.workflow.inspection.ReferralInspection.Event;
import org.prolo.workflow.inspection.ReferralInspection.IncidentView;
import org.prolo.workflow.inspection.ReferralInspection.JobView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A real referral's process on the real engine (H2) and the in-process broker, held up
 * twice from test code ({@link InjectedFailures}): the job after triage fails until its
 * retries are used up, and its withdrawal is parked in a dead-letter topic. The
 * inspection shows both with their errors; retrying the job and replaying the letter
 * through the API moves the referral on.
 *
 * <p>
 * Its own context (the failure-injecting engine plugin), closed afterwards like every
 * workflow context: an open one would keep a consumer in the group "workflow" and the
 * "default" engine in Camunda's static registry.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "prolo.events.retry-backoff=20ms",
				// An idle job executor waits up to a minute before it looks again; a
				// retried job would wait that long.
				"camunda.bpm.job-execution.max-wait=1000", "camunda.bpm.job-execution.wait-time-in-millis=200" })
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:workflow-${random.uuid};DB_CLOSE_DELAY=-1")
@Import({ InjectedFailures.class, TestTokens.Decoder.class })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class InspectionScenarioTests {

	static final Duration TIMEOUT = Duration.ofSeconds(60);

	static final FakeService timeline = FakeService.start("workflow", Roles.TIMELINE_READ);

	/** A clinic lead's calls: leads may look and fix. */
	TestRestTemplate rest;

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	InjectedFailures failures;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		// Replaying a dead letter writes the original topic, intake's: a deployment that
		// wants replays from the inspection grants workflow that WRITE on purpose.
		KafkaAccess workflow = KafkaAccess.of("workflow").orElseThrow();
		TestKafka.signIn(registry, new KafkaAccess("workflow", List.of(EventTopics.WORKFLOW, EventTopics.INTAKE),
				workflow.consumes(), workflow.groups(), true));
		registry.add("prolo.inspection.timeline-url", timeline::url);
		// The service's token for the timeline comes from the fake's token endpoint.
		registry.add("prolo.security.internal-uri", timeline::url);
	}

	@BeforeEach
	void signInAsClinicLead() {
		rest = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)
			.defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.user("leo", Roles.CLINIC_LEADS)));
	}

	@AfterAll
	static void stopTimeline() {
		timeline.close();
	}

	@Test
	void showsAFailedJobAndADeadLetterAndMovesOnWhenBothAreFixed() {
		String referralId = Referrals.newReferralId();
		InspectionTimelineClientTests.recordSubmittedAndTriaged(timeline, referralId);
		Referrals.submitAndAwaitTriage(referralId, tasks, TIMEOUT);
		String processInstanceId = tasks.createTaskQuery()
			.processInstanceBusinessKey(referralId)
			.singleResult()
			.getProcessInstanceId();
		failures.breakReferral(referralId);

		tasks.complete(tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId(),
				Map.of("triageOutcome", "ACCEPTED"));
		await().atMost(TIMEOUT)
			.until(() -> runtime.createIncidentQuery().processInstanceId(processInstanceId).count() == 1);
		Referrals.withdraw(referralId);
		ReferralInspection stuck = await().atMost(TIMEOUT)
			.until(() -> inspect(referralId), inspection -> !inspection.deadLetters().letters().isEmpty());

		assertThat(stuck.status().state()).isEqualTo("ACTIVE");
		assertThat(stuck.status().stage()).isEqualTo("Triage");
		assertThat(stuck.processInstances()).singleElement().satisfies(instance -> {
			assertThat(instance.id()).isEqualTo(processInstanceId);
			assertThat(instance.businessKey()).isEqualTo(referralId);
			assertThat(instance.definitionKey()).isEqualTo("prolotherapy-referral");
		});
		assertThat(stuck.currentActivities()).singleElement().satisfies(activity -> {
			assertThat(activity.activityId()).isEqualTo("triage");
			assertThat(activity.name()).isEqualTo("Triage referral");
			assertThat(activity.waitingForJob()).isTrue();
			assertThat(activity.incidentIds()).hasSize(1);
		});
		IncidentView incident = stuck.incidents().get(0);
		assertThat(stuck.incidents()).hasSize(1);
		assertThat(incident.type()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
		assertThat(incident.message())
			.isEqualTo("Injected failure: referral " + referralId + " cannot enter record-history");
		assertThat(incident.jobId()).isNotNull();
		JobView job = stuck.failedJobs().get(0);
		assertThat(stuck.failedJobs()).hasSize(1);
		assertThat(job.id()).isEqualTo(incident.jobId());
		assertThat(job.retries()).isZero();
		assertThat(job.exceptionMessage()).isEqualTo(incident.message());
		assertThat(stuck.openTasks()).isEmpty();
		assertThat(stuck.events().available()).isTrue();
		assertThat(stuck.events().entries()).extracting(Event::type)
			.containsExactly("ReferralSubmitted", "ReferralTriaged");
		DeadLetter letter = stuck.deadLetters().letters().get(0);
		assertThat(stuck.deadLetters().letters()).hasSize(1);
		assertThat(letter.deadLetterTopic()).isEqualTo(EventTopics.deadLetterOf(EventTopics.INTAKE));
		assertThat(letter.originalTopic()).isEqualTo(EventTopics.INTAKE);
		assertThat(letter.key()).isEqualTo(referralId);
		assertThat(letter.eventType()).isEqualTo("org.prolo.events.ReferralWithdrawn");
		assertThat(letter.originalConsumerGroup()).isEqualTo("workflow");
		assertThat(letter.reason()).isEqualTo("InjectedFailure: Injected failure: referral " + referralId
				+ " cannot enter " + InjectedFailures.FAILING_WITHDRAWAL);
		assertThat(stuck.findings()).hasSize(2)
			.anySatisfy(finding -> assertThat(finding).startsWith("Incident at Triage referral (triage): Injected"))
			.anySatisfy(finding -> assertThat(finding).startsWith("Dead letter on intake.referral-events.DLT"));
		// Metadata and reason only: never the record's value, which may carry clinical
		// facts.
		assertThat(rest.getForObject(url(referralId), String.class)).doesNotContain("\"value\"");
		ResponseEntity<String> trace = rest.getForEntity(url(referralId) + "/jobs/{jobId}/stacktrace", String.class,
				job.id());
		assertThat(trace.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(trace.getBody()).contains(InjectedFailures.InjectedFailure.class.getName());

		failures.heal(referralId);
		ResponseEntity<JobView> retried = rest.postForEntity(url(referralId) + "/jobs/{jobId}/retry", null,
				JobView.class, job.id());
		assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

		ReferralInspection movedOn = await().atMost(TIMEOUT)
			.until(() -> inspect(referralId), inspection -> inspection.failedJobs().isEmpty());
		assertThat(movedOn.incidents()).isEmpty();
		assertThat(movedOn.status().stage()).isEqualTo("History");
		assertThat(movedOn.currentActivities()).singleElement().satisfies(activity -> {
			assertThat(activity.activityId()).isEqualTo("record-history");
			assertThat(activity.waitingForJob()).isFalse();
		});
		assertThat(movedOn.openTasks()).singleElement().satisfies(task -> {
			assertThat(task.taskKey()).isEqualTo("record-history");
			assertThat(task.candidateGroups()).containsExactly("clinical-coordinators");
			assertThat(task.assignee()).isNull();
			assertThat(task.dueAt()).isAfter(task.createdAt());
			assertThat(task.overdue()).isFalse();
		});
		// The job ran and is gone: it cannot be retried again.
		assertThat(rest.postForEntity(url(referralId) + "/jobs/{jobId}/retry", null, String.class, job.id())
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

		ResponseEntity<DeadLetter> replayed = rest.postForEntity(
				url(referralId) + "/dead-letters/{topic}/{partition}/{offset}/replay", null, DeadLetter.class,
				letter.deadLetterTopic(), letter.partition(), letter.offset());
		assertThat(replayed.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(replayed.getBody()).isEqualTo(letter);

		ReferralInspection closed = await().atMost(TIMEOUT)
			.until(() -> inspect(referralId), inspection -> inspection.status().state().equals("COMPLETED"));
		assertThat(closed.status().outcome()).isEqualTo("WITHDRAWN");
		assertThat(closed.status().stage()).isEqualTo("Closed");
		assertThat(closed.currentActivities()).isEmpty();
		assertThat(closed.openTasks()).isEmpty();
		assertThat(closed.processInstances()).singleElement()
			.satisfies(instance -> assertThat(instance.endedAt()).isNotNull());
	}

	@Test
	void refusesToRetryOrReplayWhatIsNotTheReferrals() {
		String referralId = Referrals.newReferralId();
		Referrals.submit(referralId);
		await().atMost(TIMEOUT)
			.until(() -> tasks.createTaskQuery().processInstanceBusinessKey(referralId).count() == 1);
		String processInstanceId = tasks.createTaskQuery()
			.processInstanceBusinessKey(referralId)
			.singleResult()
			.getProcessInstanceId();
		// The triage overdue timer: a real job of this referral, but not a failed one.
		String timerId = management.createJobQuery().processInstanceId(processInstanceId).singleResult().getId();

		ResponseEntity<String> notFailed = rest.postForEntity(url(referralId) + "/jobs/{jobId}/retry", null,
				String.class, timerId);
		assertThat(notFailed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(notFailed.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		ResponseEntity<String> othersJob = rest.postForEntity(url(Referrals.newReferralId()) + "/jobs/{jobId}/retry",
				null, String.class, timerId);
		assertThat(othersJob.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(othersJob.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		ResponseEntity<String> noLetter = rest.postForEntity(
				url(referralId) + "/dead-letters/{topic}/{partition}/{offset}/replay", null, String.class,
				EventTopics.deadLetterOf(EventTopics.INTAKE), 0, 0);
		assertThat(noLetter.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(noLetter.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		ResponseEntity<String> unknown = rest.getForEntity(url(Referrals.newReferralId()), String.class);
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(unknown.getBody()).contains("\"title\":\"Referral not found\"");
	}

	@Test
	void stillAnswersWhenTheTimelineFails() {
		String referralId = Referrals.newReferralId();
		timeline.answer("/api/referrals/" + referralId + "/timeline", 500, "{}");
		Referrals.submit(referralId);
		await().atMost(TIMEOUT)
			.until(() -> tasks.createTaskQuery().processInstanceBusinessKey(referralId).count() == 1);

		ReferralInspection inspection = inspect(referralId);

		assertThat(inspection.events().available()).isFalse();
		assertThat(inspection.events().unavailableReason()).isEqualTo("the timeline service answered 500");
		assertThat(inspection.findings()).contains("Events unavailable: the timeline service answered 500");
		assertThat(inspection.openTasks()).singleElement().satisfies(task -> {
			assertThat(task.taskKey()).isEqualTo("triage");
			assertThat(task.candidateGroups()).containsExactly("intake-coordinators");
		});
		assertThat(inspection.status().stage()).isEqualTo("Triage");
	}

	ReferralInspection inspect(String referralId) {
		ResponseEntity<ReferralInspection> response = rest.getForEntity(url(referralId), ReferralInspection.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	static String url(String referralId) {
		return "/api/referrals/" + referralId + "/inspection";
	}

}
