package org.prolo.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.prolo.events.CoursePlanned;
import org.prolo.events.ImagingReported;
import org.prolo.events.ImagingRequested;
import org.prolo.events.ReferralClosed;
import org.prolo.events.ReferralInfoProvided;
import org.prolo.events.ReferralInfoRequested;
import org.prolo.events.ReferralSubmitted;
import org.prolo.events.ReferralTriageStarted;
import org.prolo.events.ReferralTriaged;
import org.prolo.events.ReferralWithdrawn;
import org.prolo.events.SuitabilityDecided;
import org.prolo.events.codec.EventCodec;
import org.prolo.platform.broker.SharedTestBroker;
import org.prolo.platform.events.CloudEventHeaders;
import org.prolo.platform.events.EventProbe;
import org.prolo.platform.events.EventTopics;
import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.TestTokens;
import org.prolo.platform.testing.EventFlowScenario;
import org.prolo.platform.testing.TestEvents;
import org.prolo.workflow.access.AdministratorGroups;
import org.prolo.workflow.lifecycle.ReferralFact;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The referral process end to end: events in over Kafka, tasks completed over the engine
 * REST API, events out read by a consumer of its own. Subclasses choose the broker and
 * the database.
 *
 * <p>
 * Each class closes its context afterwards: the engine REST API finds "the default
 * engine" in Camunda's static registry, which two open contexts would share.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "prolo.workflow.kept-message-sweep=PT1S" })
@Import(TestTokens.Decoder.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class ReferralProcessScenarios extends EventFlowScenario {

	static final Duration TIMEOUT = Duration.ofSeconds(60);

	static final EventCodec CODEC = EventCodec.published();

	static final ZoneId CLINIC = ZoneId.of("Europe/Berlin");

	/**
	 * The clinic is closed for the next ten days (from its today), so every due date the
	 * scenarios create lies after them, on a weekday.
	 */
	static final LocalDate CLOSED_UNTIL = LocalDate.now(CLINIC).plusDays(10);

	@DynamicPropertySource
	static void clinicCalendar(DynamicPropertyRegistry registry) {
		registry.add("prolo.clinic.time-zone", CLINIC::getId);
		registry.add("prolo.clinic.closed-days", () -> LocalDate.now(CLINIC) + ".." + CLOSED_UNTIL);
	}

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	RepositoryService repository;

	@Autowired
	ManagementService management;

	@Autowired
	HistoryService history;

	@Autowired
	ProcessEngine processEngine;

	KafkaProducer<String, byte[]> producer;

	EventProbe probe;

	ReferralProcessScenarios() {
		super(TIMEOUT);
	}

	@BeforeEach
	void connect() {
		producer = new KafkaProducer<>(SharedTestBroker.clientConfig(bootstrapServers()), new StringSerializer(),
				new ByteArraySerializer());
		probe = new EventProbe(bootstrapServers(), EventTopics.WORKFLOW);
	}

	@AfterEach
	void disconnect() {
		producer.close();
		probe.close();
	}

	@Test
	void startsExactlyOneProcessPerReferralHoweverOftenItIsDelivered() {
		String referralId = newReferralId();
		String eventId = UUID.randomUUID().toString();
		String otherEventId = UUID.randomUUID().toString();
		send(EventTopics.INTAKE, eventId, submitted(referralId, "LOW_BACK_PAIN"));
		send(EventTopics.INTAKE, eventId, submitted(referralId, "LOW_BACK_PAIN"));
		send(EventTopics.INTAKE, otherEventId, submitted(referralId, "LOW_BACK_PAIN"));

		await().atMost(TIMEOUT)
			.until(() -> jdbc.queryForObject("select count(*) from processed_event where event_id in (?, ?)",
					Integer.class, eventId, otherEventId) == 2);
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(referralId).count()).isEqualTo(1);
		assertThat(tasks.createTaskQuery().processInstanceBusinessKey(referralId).list()).singleElement()
			.satisfies(task -> {
				assertThat(task.getTaskDefinitionKey()).isEqualTo("triage");
				assertThat(task.getDueDate()).isInTheFuture();
			});
		assertThat(tasks.createTaskQuery()
			.processInstanceBusinessKey(referralId)
			.taskCandidateGroup("intake-coordinators")
			.count()).isEqualTo(1);
		assertThat(runtime.getVariable(processOf(referralId), "condition")).isEqualTo("LOW_BACK_PAIN");
	}

	@Test
	void publishesReferralTriagedWhenTriageIsCompletedOverRest() {
		String referralId = submitAndAwaitTriage("KNEE_OSTEOARTHRITIS");

		complete(referralId, "triage", Map.of("triageOutcome", "ACCEPTED"));

		ReferralTriaged triaged = awaitEvent(referralId, ReferralTriaged.class);
		assertThat(triaged.getOutcome()).isEqualTo("ACCEPTED");
		assertThat(triaged.getReasonCode()).isNull();
		assertThat(openTask(referralId).getTaskDefinitionKey()).isEqualTo("record-history");

		// The registry sends the fact again, as after a crash before its publication was
		// marked complete: the copy keeps the ce_id, so consumers drop it.
		resendPublication(ReferralFact.Triaged.class, fact -> fact.referralId().equals(referralId));
		List<ConsumerRecord<String, byte[]>> copies = await().atMost(TIMEOUT)
			.until(() -> records(referralId, ReferralTriaged.class), records -> records.size() == 2);
		assertThat(CODEC.decode(copies.get(1).value())).isEqualTo(triaged);
		assertThat(CloudEventHeaders.readFrom(copies.get(1).headers()).id()).isNotBlank()
			.isEqualTo(CloudEventHeaders.readFrom(copies.get(0).headers()).id());
	}

	@Test
	void plansACourseAndClosesTheReferral() {
		String referralId = submitAndAwaitTriage("KNEE_OSTEOARTHRITIS");
		complete(referralId, "triage", Map.of("triageOutcome", "ACCEPTED"));
		complete(referralId, "record-history", history(3));
		complete(referralId, "physical-exam", exam(false));
		Task confirm = openTask(referralId);
		assertThat(confirm.getTaskDefinitionKey()).isEqualTo("confirm-suitability");
		assertThat(runtime.getVariable(confirm.getProcessInstanceId(), "dmnSuitability")).isEqualTo("SUITABLE");
		complete(referralId, "confirm-suitability", Map.of("suitabilityDecision", "SUITABLE"));
		Task plan = openTask(referralId);
		assertThat(plan.getTaskDefinitionKey()).isEqualTo("plan-course");
		// The course plan table proposes; the form is prefilled with the proposal.
		assertThat(runtime.getVariables(plan.getProcessInstanceId(),
				List.of("sessions", "intervalWeeks", "dextrosePercent")))
			.containsEntry("sessions", 5)
			.containsEntry("intervalWeeks", 4)
			.containsEntry("dextrosePercent", 25.0);
		complete(referralId, "plan-course", Map.of("sessions", 5, "intervalWeeks", 4, "dextrosePercent", 25.0,
				"injectionSites", "medial joint line, pes anserine"));

		SuitabilityDecided decided = awaitEvent(referralId, SuitabilityDecided.class);
		assertThat(decided.getDmnSuitability()).isEqualTo("SUITABLE");
		assertThat(decided.getDmnReasonCode()).isEqualTo("INDICATED");
		assertThat(decided.getDmnDecisionVersion()).isEqualTo(repository.createDecisionDefinitionQuery()
			.decisionDefinitionKey("prolotherapy-suitability")
			.latestVersion()
			.singleResult()
			.getVersion());
		assertThat(decided.getOverridden()).isFalse();
		CoursePlanned planned = awaitEvent(referralId, CoursePlanned.class);
		assertThat(planned.getSessions()).isEqualTo(5);
		assertThat(planned.getDextrosePercent()).isEqualTo(25.0);
		assertThat(planned.getInjectionSites()).containsExactly("medial joint line", "pes anserine");
		ReferralClosed closed = awaitEvent(referralId, ReferralClosed.class);
		assertThat(closed.getOutcome()).isEqualTo("COURSE_PLANNED");
		assertThat(eventTypes(referralId)).containsSubsequence("ReferralTriageStarted", "ReferralTriaged",
				"HistoryRecorded", "ExamCompleted", "SuitabilityDecided", "CoursePlanned", "ReferralClosed");
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(referralId).count()).isZero();
	}

	@Test
	void keepsAnImagingReportThatArrivesBeforeTheProcessWaitsForIt() {
		String referralId = submitAndAwaitTriage("ROTATOR_CUFF_TENDINOPATHY");
		complete(referralId, "triage", Map.of("triageOutcome", "ACCEPTED"));
		complete(referralId, "record-history", history(8));
		assertThat(openTask(referralId).getTaskDefinitionKey()).isEqualTo("physical-exam");

		String reportId = UUID.randomUUID().toString();
		send(EventTopics.IMAGING, reportId,
				report(referralId).setRedFlag(true)
					.setRedFlagKind("FRACTURE")
					.setReport("Undisplaced fracture of the greater tuberosity.")
					.build());
		await().atMost(TIMEOUT)
			.until(() -> jdbc.queryForObject("select count(*) from early_message where event_id = ?", Integer.class,
					reportId) == 1);

		complete(referralId, "physical-exam", exam(true));

		ImagingRequested requested = awaitEvent(referralId, ImagingRequested.class);
		assertThat(requested.getModality()).isEqualTo("ULTRASOUND");
		Task confirm = openTask(referralId);
		assertThat(confirm.getTaskDefinitionKey()).isEqualTo("confirm-suitability");
		assertThat(runtime.getVariables(confirm.getProcessInstanceId(), List.of("dmnSuitability", "dmnReasonCode")))
			.containsEntry("dmnSuitability", "NOT_SUITABLE")
			.containsEntry("dmnReasonCode", "IMAGING_RED_FLAG");
		assertThat(
				jdbc.queryForObject("select count(*) from early_message where event_id = ?", Integer.class, reportId))
			.isZero();
	}

	@Test
	void deliversAnImagingReportToTheWaitingProcess() {
		String referralId = submitAndAwaitTriage("ACHILLES_TENDINOPATHY");
		complete(referralId, "triage", Map.of("triageOutcome", "ACCEPTED"));
		complete(referralId, "record-history", history(8));
		complete(referralId, "physical-exam", exam(true));
		awaitSubscription(referralId, "ImagingReported");

		send(EventTopics.IMAGING, UUID.randomUUID().toString(),
				report(referralId).setFullThicknessTear(true)
					.setReport("Full-thickness tear of the Achilles tendon.")
					.build());

		awaitTask(referralId, "confirm-suitability");
		assertThat(runtime.getVariable(processOf(referralId), "dmnReasonCode")).isEqualTo("SURGICAL_OPINION_NEEDED");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void discardsAnImagingReportForAReferralWhoseProcessHasEnded(CapturedOutput output) {
		String referralId = submitAndAwaitTriage("NECK_PAIN");
		complete(referralId, "triage", Map.of("triageOutcome", "ACCEPTED"));
		withdraw(referralId);
		assertThat(awaitEvent(referralId, ReferralClosed.class).getOutcome()).isEqualTo("WITHDRAWN");

		String reportId = UUID.randomUUID().toString();
		send(EventTopics.IMAGING, reportId, report(referralId).build());

		await().atMost(TIMEOUT)
			.until(() -> jdbc.queryForObject("select count(*) from processed_event where event_id = ?", Integer.class,
					reportId) == 1);
		assertThat(jdbc.queryForObject("select count(*) from early_message where referral_id = ?", Integer.class,
				referralId))
			.isZero();
		await().atMost(TIMEOUT)
			.until(() -> output.getOut()
				.contains("Referral " + referralId + " has no open process; discarding ImagingReported " + reportId));
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void discardsAKeptImagingReportOnceTheProcessEndsWithoutAskingForIt(CapturedOutput output) {
		String referralId = submitAndAwaitTriage("ROTATOR_CUFF_TENDINOPATHY");
		complete(referralId, "triage", Map.of("triageOutcome", "ACCEPTED"));
		complete(referralId, "record-history", history(8));
		assertThat(openTask(referralId).getTaskDefinitionKey()).isEqualTo("physical-exam");
		String reportId = UUID.randomUUID().toString();
		send(EventTopics.IMAGING, reportId, report(referralId).build());
		await().atMost(TIMEOUT)
			.until(() -> jdbc.queryForObject("select count(*) from early_message where event_id = ?", Integer.class,
					reportId) == 1);

		withdraw(referralId);
		assertThat(awaitEvent(referralId, ReferralClosed.class).getOutcome()).isEqualTo("WITHDRAWN");

		// The sweeper (every second here) finds the process gone and drops the report.
		await().atMost(TIMEOUT)
			.until(() -> jdbc.queryForObject("select count(*) from early_message where event_id = ?", Integer.class,
					reportId) == 0);
		await().atMost(TIMEOUT)
			.until(() -> output.getOut()
				.contains("Referral " + referralId + " has no open process; discarding kept ImagingReported "
						+ reportId));
	}

	private void withdraw(String referralId) {
		send(EventTopics.INTAKE, UUID.randomUUID().toString(),
				ReferralWithdrawn.newBuilder()
					.setReferralId(referralId)
					.setWithdrawnAt(now())
					.setReferrerId("dr-ada")
					.build());
	}

	/** An imaging report without findings: no red flag, no tear. */
	private static ImagingReported.Builder report(String referralId) {
		return ImagingReported.newBuilder()
			.setReferralId(referralId)
			.setReportedAt(now())
			.setOrderId("order-" + referralId)
			.setRedFlag(false)
			.setFullThicknessTear(false)
			.setReport("No abnormality.");
	}

	@Test
	void withdrawalCancelsOpenTasksAndClosesTheReferral() {
		String referralId = submitAndAwaitTriage("NECK_PAIN");
		complete(referralId, "triage", Map.of("triageOutcome", "ACCEPTED"));
		assertThat(openTask(referralId).getTaskDefinitionKey()).isEqualTo("record-history");

		withdraw(referralId);

		ReferralClosed closed = awaitEvent(referralId, ReferralClosed.class);
		assertThat(closed.getOutcome()).isEqualTo("WITHDRAWN");
		assertThat(tasks.createTaskQuery().processInstanceBusinessKey(referralId).count()).isZero();
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(referralId).count()).isZero();
	}

	@Test
	void asksTheReferrerAndResumesTriageWithTheAnswer() {
		String referralId = submitAndAwaitTriage("WHIPLASH");
		ReferralTriageStarted started = awaitEvent(referralId, ReferralTriageStarted.class);
		assertThat(started.getStartedAt()).isCloseTo(openTask(referralId).getCreateTime().toInstant(),
				within(5, ChronoUnit.SECONDS));
		complete(referralId, "triage",
				Map.of("triageOutcome", "INFO_REQUESTED", "infoQuestion", "Which treatments were tried?"));

		ReferralInfoRequested requested = awaitEvent(referralId, ReferralInfoRequested.class);
		assertThat(requested.getQuestion()).isEqualTo("Which treatments were tried?");
		assertThat(requested.getAnswerDueAt()).isAfter(requested.getRequestedAt().plus(Duration.ofDays(13)));
		awaitSubscription(referralId, "ReferralInfoProvided");

		send(EventTopics.INTAKE, UUID.randomUUID().toString(),
				ReferralInfoProvided.newBuilder()
					.setReferralId(referralId)
					.setProvidedAt(now())
					.setAnswer("Eight weeks of physiotherapy.")
					.build());

		awaitTask(referralId, "triage");
		assertThat(runtime.getVariable(processOf(referralId), "infoAnswer")).isEqualTo("Eight weeks of physiotherapy.");

		// Triage resumed is not triage started again.
		complete(referralId, "triage", Map.of("triageOutcome", "ACCEPTED"));
		await().atMost(TIMEOUT).until(() -> records(referralId, ReferralTriaged.class), records -> records.size() == 2);
		assertThat(records(referralId, ReferralTriageStarted.class)).hasSize(1);
		assertThat(eventTypes(referralId)).containsSubsequence("ReferralTriageStarted", "ReferralTriaged",
				"ReferralInfoRequested", "ReferralTriaged");
	}

	@Test
	void refusesATaskCompletionThatBreaksTheFormRules() {
		String referralId = submitAndAwaitTriage("LATERAL_EPICONDYLOSIS");
		complete(referralId, "triage", Map.of("triageOutcome", "ACCEPTED"));
		Task historyTask = openTask(referralId);
		Map<String, Object> invalid = new HashMap<>(history(6));
		invalid.put("painScore", 11);

		ResponseEntity<Map<String, Object>> response = postComplete(historyTask.getId(), invalid, as("record-history"));

		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(400);
		assertThat(response.getBody()).containsEntry("type", "InvalidRequestException");
		assertThat(String.valueOf(response.getBody().get("message")))
			.isEqualTo("Invalid input for task record-history: painScore: must be between 0 and 10, was 11");
		assertThat(tasks.createTaskQuery().taskId(historyTask.getId()).count()).isEqualTo(1);
		assertThat(runtime.getVariable(historyTask.getProcessInstanceId(), "painScore")).isNull();

		// submit-form, as a form-rendering client would: every broken rule is named.
		invalid.put("painLocation", " ");
		ResponseEntity<Map<String, Object>> submitted = rest.exchange("/engine-rest/task/{id}/submit-form",
				HttpMethod.POST, new HttpEntity<>(Map.of("variables", typed(invalid)), as("record-history")),
				new ParameterizedTypeReference<>() {
				}, historyTask.getId());

		assertThat(submitted.getStatusCode().value()).as("%s", submitted.getBody()).isEqualTo(400);
		assertThat(String.valueOf(submitted.getBody().get("message"))).contains("painScore: must be between 0 and 10")
			.contains("painLocation: required");
		assertThat(tasks.createTaskQuery().taskId(historyTask.getId()).count()).isEqualTo(1);

		// other failures keep Camunda's own answer
		ResponseEntity<Map<String, Object>> unknown = postComplete("no-such-task", history(6), as("record-history"));
		assertThat(unknown.getStatusCode().value()).as("%s", unknown.getBody()).isEqualTo(500);
		assertThat(unknown.getBody()).containsEntry("type", "RestException");
		assertThat(String.valueOf(unknown.getBody().get("message"))).startsWith("Cannot complete task no-such-task");
	}

	@Test
	void tasklistGetsTheBrokenRulesOfASubmittedFormAsABadRequest() throws Exception {
		String referralId = submitAndAwaitTriage("LATERAL_EPICONDYLOSIS");
		complete(referralId, "triage", Map.of("triageOutcome", "ACCEPTED"));
		Task historyTask = openTask(referralId);
		Map<String, Object> invalid = new HashMap<>(history(6));
		invalid.put("painScore", 11);
		// A clinical coordinator's Tasklist session (her token, the webapps' session and
		// their CSRF token).
		var tasklist = new TasklistSession(rest.getRootUri(), TestTokens.user("carl", Roles.CLINICAL_COORDINATORS));

		HttpResponse<String> response = tasklist.post(
				"/camunda/api/engine/engine/default/task/" + historyTask.getId() + "/submit-form", "application/json",
				new ObjectMapper()
					.writeValueAsString(Map.of("variables", typed(invalid), "withVariablesInReturn", true)));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		Map<String, Object> body = new ObjectMapper().readValue(response.body(), new TypeReference<>() {
		});
		assertThat(body).containsEntry("type", "InvalidRequestException")
			.containsEntry("message",
					"Invalid input for task record-history: painScore: must be between 0 and 10, was 11");
		assertThat(tasks.createTaskQuery().taskId(historyTask.getId()).count()).isEqualTo(1);

		// the same session completes the task once the form is valid
		assertThat(tasklist
			.post("/camunda/api/engine/engine/default/task/" + historyTask.getId() + "/submit-form", "application/json",
					new ObjectMapper().writeValueAsString(Map.of("variables", typed(history(6)))))
			.statusCode()).isEqualTo(204);
		assertThat(tasks.createTaskQuery().taskId(historyTask.getId()).count()).isZero();
	}

	@Test
	void escalatesAnOverdueTaskToClinicLeadsWithoutTakingItFromItsOwner() {
		String referralId = submitAndAwaitTriage("PLANTAR_FASCIOPATHY");
		Task triage = openTask(referralId);
		tasks.setAssignee(triage.getId(), "ingrid");
		var timeout = management.createJobQuery()
			.processInstanceId(triage.getProcessInstanceId())
			.timers()
			.singleResult();
		assertThat(timeout.getDuedate()).isCloseTo(triage.getDueDate(), 60_000);

		management.executeJob(timeout.getId());

		assertThat(tasks.getIdentityLinksForTask(triage.getId())).anySatisfy(link -> {
			assertThat(link.getType()).isEqualTo(IdentityLinkType.CANDIDATE);
			assertThat(link.getGroupId()).isEqualTo("clinic-leads");
		}).anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("intake-coordinators"));
		assertThat(tasks.createTaskQuery().taskId(triage.getId()).singleResult().getAssignee()).isEqualTo("ingrid");
	}

	@Test
	void keepsFullHistoryAndCleansItUpByRemovalTimeInTheNightWindow() {
		var configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
		assertThat(configuration.getHistoryLevel()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL);
		// The level the engine recorded in ACT_GE_PROPERTY, which every node must match.
		assertThat(management.getHistoryLevel()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL.getId());
		assertThat(configuration.isHistoryCleanupEnabled()).isTrue();
		assertThat(configuration.getHistoryCleanupStrategy())
			.isEqualTo(ProcessEngineConfiguration.HISTORY_CLEANUP_STRATEGY_REMOVAL_TIME_BASED);
		assertThat(configuration.getHistoryRemovalTimeStrategy())
			.isEqualTo(ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_END);
		assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
		assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
		// The engine scheduled its cleanup job inside the window.
		assertThat(history.findHistoryCleanupJobs()).isNotEmpty().allSatisfy(job -> {
			LocalTime due = job.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime();
			assertThat(due).isBetween(LocalTime.of(1, 0), LocalTime.of(5, 0));
		});
		// Every definition has its own time to live, so cleanup can compute removal
		// times.
		assertThat(repository.createProcessDefinitionQuery().list()).isNotEmpty()
			.allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).isEqualTo(180));
		assertThat(repository.createDecisionDefinitionQuery().list()).isNotEmpty()
			.allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).isEqualTo(180));
	}

	@Test
	void keepsEachStartFactOnceInHistoryAndEveryLaterChangeWithItsDetail() {
		String referralId = submitAndAwaitTriage("KNEE_OSTEOARTHRITIS");
		String instance = processOf(referralId);
		complete(referralId, "triage", Map.of("triageOutcome", "ACCEPTED"));
		Map<String, Object> recorded = history(3);
		recorded.put("painDurationMonths", 4);
		complete(referralId, "record-history", recorded);

		// Set once at the start and never again: the historic variable instance has it,
		// no detail repeats it.
		assertThat(history.createHistoricVariableInstanceQuery()
			.processInstanceId(instance)
			.variableName("condition")
			.singleResult()
			.getValue()).isEqualTo("KNEE_OSTEOARTHRITIS");
		assertThat(details(instance, "condition")).isEmpty();
		assertThat(details(instance, "referredPainDurationMonths")).isEmpty();
		// A start fact the clinic's history records again keeps its first value and the
		// change, each with its time; so does every task's output.
		// (the completion and the form rules' normalisation may each write the new value)
		assertThat(details(instance, "painDurationMonths")).startsWith(9).endsWith(4);
		assertThat(details(instance, "triageOutcome")).containsExactly("ACCEPTED");
		assertThat(details(instance, "triagedBy")).containsExactly("ingrid");
	}

	private List<Object> details(String processInstanceId, String variable) {
		return history.createHistoricDetailQuery()
			.processInstanceId(processInstanceId)
			.variableUpdates()
			.orderPartiallyByOccurrence()
			.asc()
			.list()
			.stream()
			.map(HistoricVariableUpdate.class::cast)
			.filter(update -> update.getVariableName().equals(variable))
			.map(HistoricVariableUpdate::getValue)
			.toList();
	}

	@ParameterizedTest(name = "rule {0}: {1}/{2}")
	@MethodSource("suitabilityRules")
	void suitabilityTableDecidesByTheFirstMatchingRule(int rule, String suitability, String reasonCode,
			Map<String, Object> overrides) {
		Map<String, Object> inputs = new LinkedHashMap<>(Map.of("condition", "LOW_BACK_PAIN", "painDurationMonths", 12,
				"priorConservativeCare", true, "activeInfectionAtSite", false, "malignancyAtSite", false,
				"imagingRedFlag", false, "allergyToInjectate", false, "anticoagulated", false, "pregnant", false,
				"uncontrolledDiabetes", false));
		inputs.put("fullThicknessTear", false);
		inputs.putAll(overrides);

		List<Map<String, Map<String, Object>>> result = evaluate("prolotherapy-suitability", inputs);

		assertThat(result).singleElement().satisfies(row -> {
			assertThat(row.get("suitability").get("value")).isEqualTo(suitability);
			assertThat(row.get("reasonCode").get("value")).isEqualTo(reasonCode);
		});
	}

	static Stream<Arguments> suitabilityRules() {
		// Each case also meets every later rule's condition where it can, so only FIRST
		// explains the result.
		return Stream.of(
				Arguments.of(1, "NOT_SUITABLE", "ACTIVE_INFECTION",
						Map.of("activeInfectionAtSite", true, "malignancyAtSite", true, "pregnant", true)),
				Arguments.of(2, "NOT_SUITABLE", "MALIGNANCY_AT_SITE",
						Map.of("malignancyAtSite", true, "imagingRedFlag", true)),
				Arguments.of(3, "NOT_SUITABLE", "IMAGING_RED_FLAG",
						Map.of("imagingRedFlag", true, "allergyToInjectate", true)),
				Arguments.of(4, "NOT_SUITABLE", "ALLERGY_TO_INJECTATE",
						Map.of("allergyToInjectate", true, "painDurationMonths", 1)),
				Arguments.of(5, "NOT_SUITABLE", "NOT_CHRONIC",
						Map.of("painDurationMonths", 2, "fullThicknessTear", true)),
				Arguments.of(6, "SPECIALIST_REVIEW", "SURGICAL_OPINION_NEEDED",
						Map.of("fullThicknessTear", true, "anticoagulated", true)),
				Arguments.of(7, "SPECIALIST_REVIEW", "BLEEDING_RISK", Map.of("anticoagulated", true, "pregnant", true)),
				Arguments.of(8, "SPECIALIST_REVIEW", "PREGNANCY",
						Map.of("pregnant", true, "uncontrolledDiabetes", true)),
				Arguments.of(9, "SPECIALIST_REVIEW", "GLYCAEMIC_CONTROL",
						Map.of("uncontrolledDiabetes", true, "condition", "OTHER")),
				Arguments.of(10, "SPECIALIST_REVIEW", "CONDITION_OUTSIDE_PROTOCOL",
						Map.of("condition", "OTHER", "priorConservativeCare", false)),
				Arguments.of(11, "SPECIALIST_REVIEW", "CONSERVATIVE_CARE_NOT_TRIED",
						Map.of("priorConservativeCare", false)),
				Arguments.of(12, "SUITABLE", "INDICATED", Map.of("painDurationMonths", 3)));
	}

	@ParameterizedTest(name = "{0}: {1} x every {2} weeks, {3} %")
	@CsvSource({ "LOW_BACK_PAIN,4,4,15.0", "DEGENERATIVE_DISC_DISEASE,4,4,15.0", "SACROILIAC_JOINT_PAIN,3,4,25.0",
			"NECK_PAIN,4,4,12.5", "WHIPLASH,4,4,12.5", "KNEE_OSTEOARTHRITIS,5,4,25.0", "HIP_OSTEOARTHRITIS,4,4,25.0",
			"HAND_OSTEOARTHRITIS,3,8,10.0", "LATERAL_EPICONDYLOSIS,3,4,20.0", "ROTATOR_CUFF_TENDINOPATHY,3,4,25.0",
			"ACHILLES_TENDINOPATHY,4,4,20.0", "PLANTAR_FASCIOPATHY,3,4,25.0", "OTHER,3,4,15.0" })
	void coursePlanTableProposesTheProtocolOfEachCondition(String condition, int sessions, int intervalWeeks,
			double dextrosePercent) {
		List<Map<String, Map<String, Object>>> result = evaluate("prolotherapy-course-plan",
				Map.of("condition", condition));

		assertThat(result).singleElement().satisfies(row -> {
			assertThat(row.get("sessions")).containsEntry("type", "Integer").containsEntry("value", sessions);
			assertThat(row.get("intervalWeeks")).containsEntry("type", "Integer").containsEntry("value", intervalWeeks);
			assertThat(row.get("dextrosePercent")).containsEntry("type", "Double")
				.containsEntry("value", dextrosePercent);
		});
	}

	@Test
	void taskAndItsEscalationFallDueAfterTheConfiguredClosedDaysOnAWeekday() {
		String referralId = submitAndAwaitTriage("LOW_BACK_PAIN");
		Task triage = openTask(referralId);
		var timeout = management.createJobQuery()
			.processInstanceId(triage.getProcessInstanceId())
			.timers()
			.singleResult();

		LocalDate due = triage.getDueDate().toInstant().atZone(CLINIC).toLocalDate();
		// Without the closure, two working days from now are at most four days away.
		assertThat(due).isAfter(CLOSED_UNTIL);
		assertThat(due.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
		assertThat(timeout.getDuedate()).isCloseTo(triage.getDueDate(), 60_000);
	}

	// --- helpers

	String submitAndAwaitTriage(String condition) {
		String referralId = newReferralId();
		send(EventTopics.INTAKE, UUID.randomUUID().toString(), submitted(referralId, condition));
		awaitTask(referralId, "triage");
		return referralId;
	}

	/** Waits until the referral's process waits for the message. */
	void awaitSubscription(String referralId, String message) {
		awaitOne(() -> runtime.createExecutionQuery()
			.processInstanceBusinessKey(referralId)
			.messageEventSubscriptionName(message));
	}

	/** Waits until the referral has an open task of this kind. */
	void awaitTask(String referralId, String taskKey) {
		awaitOne(() -> tasks.createTaskQuery().processInstanceBusinessKey(referralId).taskDefinitionKey(taskKey));
	}

	private void awaitOne(Supplier<Query<?, ?>> query) {
		await().atMost(TIMEOUT).until(() -> query.get().count() == 1);
	}

	static String newReferralId() {
		return "ref-" + UUID.randomUUID();
	}

	static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

	static ReferralSubmitted submitted(String referralId, String condition) {
		return TestEvents.referralSubmitted(referralId, now())
			.setReferrerEmail("ada@referrers.example")
			.setPatientPseudonym("pat-" + referralId.substring(4, 12))
			.setCondition(condition)
			.build();
	}

	static Map<String, Object> history(int painScore) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("painLocation", "medial knee");
		variables.put("painDurationMonths", 9);
		variables.put("painScore", painScore);
		variables.put("priorConservativeCare", true);
		variables.put("anticoagulated", false);
		variables.put("allergyToInjectate", false);
		variables.put("pregnant", false);
		variables.put("uncontrolledDiabetes", false);
		variables.put("medications", "paracetamol");
		variables.put("comorbidities", "");
		return variables;
	}

	static Map<String, Object> exam(boolean imagingNeeded) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("tenderInsertions", "MCL origin");
		variables.put("ligamentLaxity", false);
		variables.put("jointStable", true);
		variables.put("rangeOfMotion", "full");
		variables.put("fullThicknessTearSuspected", false);
		variables.put("imagingNeeded", imagingNeeded);
		if (imagingNeeded) {
			variables.put("imagingModality", "ULTRASOUND");
			variables.put("imagingBodyRegion", "shoulder");
			variables.put("imagingClinicalQuestion", "Tear or fracture?");
		}
		return variables;
	}

	void send(String topic, String eventId, SpecificRecord event) {
		String referralId = event.get(event.getSchema().getField("referralId").pos()).toString();
		var record = new ProducerRecord<String, byte[]>(topic, referralId, CODEC.encode(event));
		record.headers().add(CloudEventHeaders.ID, eventId.getBytes(StandardCharsets.UTF_8));
		record.headers().add(CloudEventHeaders.TYPE, event.getSchema().getFullName().getBytes(StandardCharsets.UTF_8));
		try {
			producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	String processOf(String referralId) {
		return runtime.createProcessInstanceQuery().processInstanceBusinessKey(referralId).singleResult().getId();
	}

	Task openTask(String referralId) {
		return tasks.createTaskQuery().processInstanceBusinessKey(referralId).singleResult();
	}

	/**
	 * The token of a member of the group that works a task: the engine lets only them
	 * complete it.
	 */
	static HttpHeaders as(String taskKey) {
		String bearer = switch (taskKey) {
			case "triage" -> TestTokens.user("ingrid", Roles.INTAKE_COORDINATORS);
			case "record-history", "chase-imaging" -> TestTokens.user("carl", Roles.CLINICAL_COORDINATORS);
			case "physical-exam", "confirm-suitability", "plan-course" -> TestTokens.user("clara", Roles.CLINICIANS);
			default -> throw new IllegalArgumentException(taskKey);
		};
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.AUTHORIZATION, bearer);
		return headers;
	}

	/**
	 * A process administrator (workflow-admins, the administrator group outside the demo
	 * profile), who may do anything in the engine.
	 */
	static HttpHeaders asAdministrator() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.AUTHORIZATION,
				TestTokens.user("wanda", AdministratorGroups.WORKFLOW_ADMINS, Roles.CLINIC_LEADS));
		return headers;
	}

	/**
	 * Completes the referral's one open task, which must be {@code taskKey}, over the
	 * engine REST API, as a member of the task's group.
	 */
	void complete(String referralId, String taskKey, Map<String, Object> variables) {
		Task task = openTask(referralId);
		assertThat(task.getTaskDefinitionKey()).isEqualTo(taskKey);
		ResponseEntity<Map<String, Object>> response = postComplete(task.getId(), variables, as(taskKey));
		assertThat(response.getStatusCode().is2xxSuccessful())
			.as("%s: %s", response.getStatusCode(), response.getBody())
			.isTrue();
	}

	ResponseEntity<Map<String, Object>> postComplete(String taskId, Map<String, Object> variables, HttpHeaders caller) {
		return rest.exchange("/engine-rest/task/{id}/complete", HttpMethod.POST,
				new HttpEntity<>(Map.of("variables", typed(variables)), caller), new ParameterizedTypeReference<>() {
				}, taskId);
	}

	/** Variables in the engine REST API's form: name → {value, type}. */
	static Map<String, Object> typed(Map<String, Object> variables) {
		Map<String, Object> typed = new LinkedHashMap<>();
		variables.forEach((name, value) -> typed.put(name, Map.of("value", value, "type", typeOf(value))));
		return typed;
	}

	List<Map<String, Map<String, Object>>> evaluate(String decisionKey, Map<String, Object> inputs) {
		Map<String, Object> typed = new LinkedHashMap<>();
		inputs.forEach((name, value) -> typed.put(name, Map.of("value", value, "type", typeOf(value))));
		ResponseEntity<List<Map<String, Map<String, Object>>>> response = rest.exchange(
				"/engine-rest/decision-definition/key/{key}/evaluate", HttpMethod.POST,
				new HttpEntity<>(Map.of("variables", typed), asAdministrator()), new ParameterizedTypeReference<>() {
				}, decisionKey);
		assertThat(response.getStatusCode().is2xxSuccessful()).as("%s", response).isTrue();
		return response.getBody();
	}

	static String typeOf(Object value) {
		if (value instanceof Boolean) {
			return "Boolean";
		}
		if (value instanceof Integer) {
			return "Integer";
		}
		if (value instanceof Double) {
			return "Double";
		}
		return "String";
	}

	List<ConsumerRecord<String, byte[]>> records(String referralId, Class<? extends SpecificRecord> type) {
		return probe.seen()
			.stream()
			.filter(r -> referralId.equals(r.key()) && type.isInstance(CODEC.decode(r.value())))
			.toList();
	}

	@SuppressWarnings("unchecked")
	<T extends SpecificRecord> T awaitEvent(String referralId, Class<T> type) {
		return (T) await().atMost(TIMEOUT)
			.until(() -> decoded(referralId).filter(type::isInstance).findFirst(), java.util.Optional::isPresent)
			.get();
	}

	List<String> eventTypes(String referralId) {
		return decoded(referralId).map(event -> event.getSchema().getName()).toList();
	}

	private Stream<SpecificRecord> decoded(String referralId) {
		return probe.seen().stream().filter(r -> referralId.equals(r.key())).map(r -> CODEC.decode(r.value()));
	}

}
