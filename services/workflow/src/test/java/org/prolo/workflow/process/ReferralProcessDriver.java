package org.prolo.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.prolo.calendar.ClinicCalendar;
import org.prolo.workflow.lifecycle.ReferralToAssess;

/**
 * Drives referrals through the real model on the test engine: registers the beans the
 * model's expressions name (real ones where they need no Spring, recording fakes for
 * those that publish), and completes each stage with the variables its form submits.
 */
final class ReferralProcessDriver {

	static final String PROCESS = "prolotherapy-referral";

	/** The model and what it references, from the top-level bpmn/ folder. */
	static final String MODEL = "bpmn/prolotherapy-referral.bpmn";

	static final String SUITABILITY = "bpmn/prolotherapy-suitability.dmn";

	static final String COURSE_PLAN = "bpmn/prolotherapy-course-plan.dmn";

	static final ZoneId CLINIC = ZoneId.of("Europe/Berlin");

	/**
	 * The plain in-memory engine the process tests run on, built from
	 * process-tests.camunda.cfg.xml; not camunda.cfg.xml, from which the Spring tests'
	 * webapps would build a second engine.
	 */
	static ProcessEngineExtension engineExtension() {
		return ProcessEngineExtension.builder().configurationResource("process-tests.camunda.cfg.xml").build();
	}

	/** Monday 3 March 2025, 09:00 in the clinic. */
	static final Instant MONDAY_MORNING = Instant.parse("2025-03-03T08:00:00Z");

	final RecordingStageEvents stageEvents = new RecordingStageEvents();

	final RecordingImagingRequests imaging = new RecordingImagingRequests();

	final ProcessEngine engine;

	ReferralProcessDriver(ProcessEngine engine) {
		this(engine, new ClinicCalendar(CLINIC, Set.of()));
	}

	/** With the clinic calendar the due dates and overdue timers are counted on. */
	ReferralProcessDriver(ProcessEngine engine, ClinicCalendar calendar) {
		this.engine = engine;
		BpmnAwareTests.init(engine);
		Mocks.register("dueDates", new DueDates(calendar, new EngineClock()));
		Mocks.register("taskInputValidation", new TaskInputValidation());
		Mocks.register("overdueEscalation", new OverdueEscalation());
		Mocks.register("decisionOutcomes", new DecisionOutcomes(engine.getRepositoryService()));
		Mocks.register("stageEvents", this.stageEvents);
		Mocks.register("requestingImaging", this.imaging);
		setClock(MONDAY_MORNING);
	}

	static void reset() {
		Mocks.reset();
		BpmnAwareTests.reset();
		ClockUtil.reset();
	}

	static void setClock(Instant now) {
		ClockUtil.setCurrentTime(Date.from(now));
	}

	static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	static void advanceClock(long days) {
		setClock(now().plus(days, ChronoUnit.DAYS));
	}

	/**
	 * A referral for knee osteoarthritis that the suitability table finds SUITABLE once
	 * its history says so.
	 */
	ProcessInstance submit(String referralId) {
		return submit(referralId, "KNEE_OSTEOARTHRITIS", false, false);
	}

	ProcessInstance submit(String referralId, String condition, boolean activeInfectionAtSite,
			boolean malignancyAtSite) {
		return submit(new ReferralToAssess(referralId, "PSN-" + referralId, "physician-7", condition, "knee", 12, true,
				false, false, false, false, activeInfectionAtSite, malignancyAtSite, "ROUTINE"));
	}

	ProcessInstance submit(ReferralToAssess referral) {
		return this.engine.getRuntimeService()
			.startProcessInstanceByKey(PROCESS, referral.referralId(), referral.processVariables());
	}

	void accept(ProcessInstance referral) {
		completeTask(referral, "triage", "triageOutcome", "ACCEPTED");
	}

	void reject(ProcessInstance referral, String reasonCode, String noteToReferrer) {
		completeTask(referral, "triage", "triageOutcome", "REJECTED", "reasonCode", reasonCode, "noteToReferrer",
				noteToReferrer);
	}

	void requestInformation(ProcessInstance referral, String question) {
		completeTask(referral, "triage", "triageOutcome", "INFO_REQUESTED", "infoQuestion", question);
	}

	void answer(ProcessInstance referral, String answer) {
		this.engine.getRuntimeService()
			.createMessageCorrelation("ReferralInfoProvided")
			.processInstanceBusinessKey(referral.getBusinessKey())
			.setVariable("infoAnswer", answer)
			.correlateWithResult();
	}

	/**
	 * Records a history that, unless overridden, makes the referral SUITABLE: 12 months
	 * of pain, conservative care tried, no caution.
	 */
	void recordHistory(ProcessInstance referral, Object... overrides) {
		Map<String, Object> history = variables("painLocation", "medial knee", "painDurationMonths", 12, "painScore", 6,
				"priorConservativeCare", true, "anticoagulated", false, "allergyToInjectate", false, "pregnant", false,
				"uncontrolledDiabetes", false, "medications", "paracetamol", "comorbidities", "");
		history.putAll(variables(overrides));
		completeTask(referral, "record-history", history);
	}

	/** An exam without suspected tear unless overridden. */
	void examine(ProcessInstance referral, boolean imagingNeeded, Object... overrides) {
		Map<String, Object> exam = variables("tenderInsertions", "pes anserinus, MCL", "ligamentLaxity", true,
				"jointStable", true, "rangeOfMotion", "full", "fullThicknessTearSuspected", false, "imagingNeeded",
				imagingNeeded);
		if (imagingNeeded) {
			exam.putAll(variables("imagingModality", "ULTRASOUND", "imagingBodyRegion", "left knee",
					"imagingClinicalQuestion", "MCL tear?"));
		}
		exam.putAll(variables(overrides));
		completeTask(referral, "physical-exam", exam);
	}

	/** The variables the inbound ImagingReported listener delivers. */
	static Map<String, Object> findings(boolean redFlag, boolean fullThicknessTear) {
		return variables("imagingRedFlag", redFlag, "imagingRedFlagKind", redFlag ? "FRACTURE" : null,
				"fullThicknessTear", fullThicknessTear, "osteoarthritisGrade", 2, "imagingOrderId", "order-1",
				"imagingReport", "Grade 2 changes.");
	}

	void reportImaging(ProcessInstance referral, Map<String, Object> findings) {
		this.engine.getRuntimeService()
			.createMessageCorrelation("ImagingReported")
			.processInstanceBusinessKey(referral.getBusinessKey())
			.setVariables(findings)
			.correlateWithResult();
	}

	void confirm(ProcessInstance referral, String decision, String rationale) {
		completeTask(referral, "confirm-suitability", "suitabilityDecision", decision, "overrideRationale", rationale,
				"suitabilityNote", "Letter to the referrer");
	}

	/** Completes plan-course with the proposal as the form shows it, overridden. */
	void planCourse(ProcessInstance referral, Object... overrides) {
		Map<String, Object> plan = variables("injectionSites", "pes anserinus, MCL");
		plan.putAll(variables(overrides));
		completeTask(referral, "plan-course", plan);
	}

	void withdraw(ProcessInstance referral) {
		this.engine.getRuntimeService()
			.createMessageCorrelation("ReferralWithdrawn")
			.processInstanceBusinessKey(referral.getBusinessKey())
			.setVariable("withdrawalReason", "Patient moved away")
			.correlateWithResult();
	}

	/**
	 * After an end event the referral leaves nothing behind: no task, timer or other job,
	 * awaited message, execution or running instance under its business key. Fails when
	 * the referral never ran, so that a wrong id cannot pass.
	 */
	void assertNothingLeftOpen(String referralId) {
		List<String> instanceIds = this.engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(referralId)
			.list()
			.stream()
			.map(instance -> {
				assertThat(instance.getEndTime()).as("end of process instance %s of %s", instance.getId(), referralId)
					.isNotNull();
				return instance.getId();
			})
			.toList();
		assertThat(instanceIds).as("process instances of %s", referralId).isNotEmpty();
		var runtime = this.engine.getRuntimeService();
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(referralId).count())
			.as("running instances of %s", referralId)
			.isZero();
		assertThat(runtime.createExecutionQuery().processInstanceBusinessKey(referralId).count())
			.as("executions of %s", referralId)
			.isZero();
		assertThat(this.engine.getTaskService().createTaskQuery().processInstanceBusinessKey(referralId).list())
			.as("open tasks of %s", referralId)
			.isEmpty();
		for (String instanceId : instanceIds) {
			assertThat(this.engine.getManagementService().createJobQuery().processInstanceId(instanceId).list())
				.as("timers and jobs of %s", referralId)
				.isEmpty();
			assertThat(runtime.createEventSubscriptionQuery().processInstanceId(instanceId).list())
				.as("awaited messages of %s", referralId)
				.isEmpty();
			assertThat(runtime.createExecutionQuery().processInstanceId(instanceId).count())
				.as("executions of instance %s", instanceId)
				.isZero();
		}
	}

	/** From confirm-suitability on a SUITABLE proposal to the course-planned end. */
	void confirmAndPlanCourse(ProcessInstance referral) {
		confirm(referral, "SUITABLE", null);
		planCourse(referral);
		assertThat(referral).isEnded();
	}

	List<Task> openTasks(ProcessInstance referral) {
		return this.engine.getTaskService().createTaskQuery().processInstanceId(referral.getId()).list();
	}

	/** Where a referral can be waiting, and how it gets there from submission. */
	enum Stage {

		TRIAGE("triage"),

		AWAITING_INFORMATION("Gateway_AwaitInfo"),

		RECORD_HISTORY("record-history"),

		PHYSICAL_EXAM("physical-exam"),

		AWAITING_IMAGING("Event_ImagingOverdue"),

		CHASING_IMAGING("chase-imaging"),

		CONFIRM_SUITABILITY("confirm-suitability"),

		PLAN_COURSE("plan-course");

		final String activityId;

		Stage(String activityId) {
			this.activityId = activityId;
		}

	}

	ProcessInstance submitAndReach(String referralId, Stage stage) {
		ProcessInstance referral = submit(referralId);
		if (stage == Stage.AWAITING_INFORMATION) {
			requestInformation(referral, "Recent X-ray?");
		}
		else if (stage != Stage.TRIAGE) {
			accept(referral);
		}
		if (stage.compareTo(Stage.PHYSICAL_EXAM) >= 0) {
			recordHistory(referral);
		}
		if (stage.compareTo(Stage.AWAITING_IMAGING) >= 0) {
			examine(referral, stage == Stage.AWAITING_IMAGING || stage == Stage.CHASING_IMAGING);
		}
		if (stage == Stage.CHASING_IMAGING) {
			advanceClock(21);
			execute(job("Event_ImagingOverdue", referral));
		}
		if (stage == Stage.PLAN_COURSE) {
			confirm(referral, "SUITABLE", null);
		}
		assertThat(referral).isWaitingAt(stage.activityId);
		return referral;
	}

	void completeTask(ProcessInstance referral, String taskKey, Object... variables) {
		completeTask(referral, taskKey, variables(variables));
	}

	void completeTask(ProcessInstance referral, String taskKey, Map<String, Object> variables) {
		assertThat(referral).isWaitingAt(taskKey);
		complete(task(taskKey, referral), variables);
	}

	/** Name/value pairs; values may be null, as a form submits an empty field. */
	static Map<String, Object> variables(Object... namesAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			map.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return map;
	}

}
