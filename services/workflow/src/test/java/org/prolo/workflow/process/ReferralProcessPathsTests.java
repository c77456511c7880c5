package org.prolo.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.prolo.workflow.process.ReferralProcessDriver.advanceClock;
import static org.prolo.workflow.process.ReferralProcessDriver.findings;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Set;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.prolo.calendar.ClinicCalendar;
import org.prolo.workflow.lifecycle.ReferralToAssess;
import org.prolo.workflow.process.TaskInputValidation.InvalidTaskInputException;

/**
 * Every path of the referral process on a plain in-memory engine (no Spring): the real
 * model and decision tables, timers fired by moving the engine's clock.
 */
class ReferralProcessPathsTests extends OnTheProcessEngine {

	@Test
	void acceptedReferralWithoutImagingIsPlannedAndClosesAsCoursePlanned() {
		ProcessInstance referral = this.referrals.submit("ref-accepted");
		assertThat(referral).isStarted().isWaitingAt("triage");
		assertThat(task("triage", referral)).hasCandidateGroup("intake-coordinators");

		this.referrals.accept(referral);
		assertThat(task("record-history", referral)).hasCandidateGroup("clinical-coordinators");
		this.referrals.recordHistory(referral);
		assertThat(task("physical-exam", referral)).hasCandidateGroup("clinicians");
		this.referrals.examine(referral, false);

		assertThat(referral).isWaitingAt("confirm-suitability")
			.variables()
			.containsEntry("dmnSuitability", "SUITABLE")
			.containsEntry("dmnReasonCode", "INDICATED")
			.containsEntry("dmnDecisionVersion", 1)
			.containsEntry("imagingRedFlag", false)
			.containsEntry("fullThicknessTear", false);
		this.referrals.confirm(referral, "SUITABLE", null);

		// The course-plan table's proposal for knee osteoarthritis prefills the task.
		assertThat(referral).isWaitingAt("plan-course")
			.variables()
			.containsEntry("sessions", 5)
			.containsEntry("intervalWeeks", 4)
			.containsEntry("dextrosePercent", 25.0)
			.containsEntry("courseDecisionVersion", 1);
		this.referrals.planCourse(referral, "sessions", 5, "intervalWeeks", 4, "dextrosePercent", 25.0);

		assertThat(referral).isEnded()
			.hasPassedInOrder("triage", "record-history", "physical-exam", "Task_DecideSuitability",
					"confirm-suitability", "Task_ProposeCourse", "plan-course", "Event_ReferralClosedCoursePlanned")
			.hasNotPassed("Task_RequestImaging");
		assertThat(this.referrals.stageEvents.types()).containsExactly("TriageStarted", "Triaged", "HistoryRecorded",
				"ExamCompleted", "SuitabilityDecided", "CoursePlanned", "Closed");
		assertThat(this.referrals.stageEvents.published())
			.allSatisfy(published -> assertThat(published.referralId()).isEqualTo("ref-accepted"));
		assertThat(this.referrals.stageEvents.only("Triaged").get("outcome")).isEqualTo("ACCEPTED");
		assertThat(this.referrals.stageEvents.only("SuitabilityDecided").details())
			.containsEntry("decision", "SUITABLE")
			.containsEntry("overridden", false)
			.containsEntry("dmnDecisionVersion", 1);
		assertThat(this.referrals.stageEvents.only("CoursePlanned").details())
			.containsEntry("condition", "KNEE_OSTEOARTHRITIS")
			.containsEntry("sessions", 5);
		assertThat(this.referrals.stageEvents.only("Closed").details()).containsEntry("outcome", "COURSE_PLANNED")
			.containsEntry("reasonCode", null);
		assertThat(this.referrals.imaging.requests()).isEmpty();
		this.referrals.assertNothingLeftOpen("ref-accepted");
	}

	@Test
	void clinicianMayChangeTheProposedCourseWithinTheFormsLimits() {
		ProcessInstance referral = this.referrals.submitAndReach("ref-edited-course",
				ReferralProcessDriver.Stage.PLAN_COURSE);

		assertThatThrownBy(() -> this.referrals.planCourse(referral, "sessions", 11, "dextrosePercent", 40)).rootCause()
			.isInstanceOf(InvalidTaskInputException.class)
			.hasMessageContaining("sessions: must be between 1 and 10")
			.hasMessageContaining("dextrosePercent: must be between 5.0 and 30.0");
		assertThat(referral).isWaitingAt("plan-course");

		// A form submits numbers as it likes; the validation stores them as the process
		// expects.
		this.referrals.planCourse(referral, "sessions", 6L, "intervalWeeks", "6", "dextrosePercent", 20);
		assertThat(referral).isEnded().hasPassed("Event_ReferralClosedCoursePlanned");
		assertThat(this.referrals.stageEvents.only("CoursePlanned").details()).containsEntry("sessions", 6)
			.containsEntry("intervalWeeks", 6)
			.containsEntry("dextrosePercent", 20.0);
		this.referrals.assertNothingLeftOpen("ref-edited-course");
	}

	@Test
	void rejectedReferralClosesAsRejectedWithReasonAndNote() {
		ProcessInstance referral = this.referrals.submit("ref-rejected");

		this.referrals.reject(referral, "OUT_OF_SCOPE", "Please refer to orthopaedics.");

		assertThat(referral).isEnded().hasPassed("Event_ReferralClosedRejected").hasNotPassed("record-history");
		assertThat(this.referrals.stageEvents.types()).containsExactly("TriageStarted", "Triaged", "Closed");
		assertThat(this.referrals.stageEvents.only("Triaged").details()).containsEntry("outcome", "REJECTED")
			.containsEntry("reasonCode", "OUT_OF_SCOPE");
		assertThat(this.referrals.stageEvents.only("Closed").details()).containsEntry("outcome", "REJECTED")
			.containsEntry("reasonCode", "OUT_OF_SCOPE")
			.containsEntry("noteToReferrer", "Please refer to orthopaedics.");
		this.referrals.assertNothingLeftOpen("ref-rejected");
	}

	@Test
	void rejectionWithoutReasonIsRefusedAndTriageStaysOpen() {
		ProcessInstance referral = this.referrals.submit("ref-rejected-no-reason");

		assertThatThrownBy(() -> this.referrals.completeTask(referral, "triage", "triageOutcome", "REJECTED"))
			.rootCause()
			.isInstanceOf(InvalidTaskInputException.class)
			.hasMessageContaining("reasonCode: required")
			.hasMessageContaining("noteToReferrer: required");

		assertThat(referral).isWaitingAt("triage");
		assertThat(this.referrals.stageEvents.types()).containsExactly("TriageStarted");
	}

	@Test
	void answeredInformationRequestReturnsTheReferralToTriage() {
		ProcessInstance referral = this.referrals.submit("ref-info-answered");

		this.referrals.requestInformation(referral, "Is there a recent X-ray?");
		assertThat(referral).isWaitingAt("Gateway_AwaitInfo").isWaitingFor("ReferralInfoProvided");
		assertThat(this.referrals.stageEvents.types()).containsExactly("TriageStarted", "Triaged", "InfoRequested");
		assertThat(this.referrals.stageEvents.only("InfoRequested").get("question"))
			.isEqualTo("Is there a recent X-ray?");

		advanceClock(3);
		Instant answeredAt = ReferralProcessDriver.now();
		this.referrals.answer(referral, "X-ray from January attached.");

		// Triage again, with a fresh due date and without the previous outcome.
		assertThat(referral).isWaitingAt("triage")
			.variables()
			.containsEntry("infoAnswer", "X-ray from January attached.")
			.containsEntry("askedQuestion", "Is there a recent X-ray?")
			.doesNotContainKey("triageOutcome")
			.doesNotContainKey("infoQuestion");
		// Asking again needs a new question, not the last one left behind.
		assertThatThrownBy(() -> this.referrals.completeTask(referral, "triage", "triageOutcome", "INFO_REQUESTED"))
			.rootCause()
			.isInstanceOf(InvalidTaskInputException.class)
			.hasMessageContaining("infoQuestion: required");
		assertThat(task("triage", referral).getDueDate()).isAfter(Date.from(answeredAt));
		assertThat(engine.getManagementService().createJobQuery().processInstanceId(referral.getId()).list())
			.as("the 14-day timer is gone, only the new triage's escalation timer is left")
			.singleElement()
			.satisfies(job -> assertThat(job.getDuedate()).isEqualTo(task("triage", referral).getDueDate()));

		this.referrals.accept(referral);
		assertThat(referral).isWaitingAt("record-history").hasPassed("Event_InfoProvided");
		assertThat(this.referrals.stageEvents.types()).as("triage resumed after the answer does not start it again")
			.containsExactly("TriageStarted", "Triaged", "InfoRequested", "Triaged");

		this.referrals.recordHistory(referral);
		this.referrals.examine(referral, false);
		this.referrals.confirmAndPlanCourse(referral);
		this.referrals.assertNothingLeftOpen("ref-info-answered");
	}

	@Test
	void answerDueOnAClosedDayIsDueOnTheNextWorkingDay() {
		// Asked on Monday 3 March 2025 at 09:00; the clinic is closed on Monday 17th.
		ReferralProcessDriver.reset();
		this.referrals = new ReferralProcessDriver(engine.getProcessEngine(),
				new ClinicCalendar(ReferralProcessDriver.CLINIC, Set.of(LocalDate.of(2025, 3, 17))));
		ProcessInstance referral = this.referrals.submit("ref-answer-closed-day");
		this.referrals.requestInformation(referral, "Is there a recent X-ray?");

		assertThat(job("Event_NoAnswer14Days", referral).getDuedate())
			.isEqualTo(Date.from(OffsetDateTime.parse("2025-03-18T09:00+01:00").toInstant()));
	}

	@Test
	void unansweredInformationRequestClosesAsNoResponseAfter14Days() {
		ProcessInstance referral = this.referrals.submit("ref-no-response");
		this.referrals.requestInformation(referral, "Is there a recent X-ray?");
		Instant requestedAt = ReferralProcessDriver.now();

		// Monday 3 March 2025: two weeks on is a working Monday.
		assertThat(job("Event_NoAnswer14Days", referral).getDuedate())
			.isEqualTo(Date.from(requestedAt.plus(Duration.ofDays(StageEvents.ANSWER_WITHIN_DAYS))));
		advanceClock(13);
		assertThat(engine.getManagementService().createJobQuery().executable().count()).isZero();

		advanceClock(1);
		execute(job("Event_NoAnswer14Days", referral));

		assertThat(referral).isEnded().hasPassed("Event_ReferralClosedNoResponse").hasNotPassed("Event_InfoProvided");
		assertThat(this.referrals.stageEvents.only("Closed").details()).containsEntry("outcome", "NO_RESPONSE")
			.containsEntry("reasonCode", null);
		assertThat(this.referrals.openTasks(referral)).isEmpty();
		this.referrals.assertNothingLeftOpen("ref-no-response");
	}

	@Test
	void imagingReportedWhileTheProcessWaitsResumesItWithTheFindings() {
		ProcessInstance referral = this.referrals.submitAndReach("ref-imaging-late",
				ReferralProcessDriver.Stage.PHYSICAL_EXAM);

		this.referrals.examine(referral, true);

		assertThat(this.referrals.imaging.requests()).singleElement()
			.isEqualTo(
					new RecordingImagingRequests.Request("ref-imaging-late", "ULTRASOUND", "left knee", "MCL tear?"));
		assertThat(referral).isWaitingAt("Event_ImagingOverdue")
			.isWaitingFor("ImagingReported")
			.hasPassed("Task_RequestImaging")
			.variables()
			.containsEntry("imagingReportReceived", false);

		advanceClock(5);
		this.referrals.reportImaging(referral, findings(false, false));

		assertThat(referral).isWaitingAt("confirm-suitability")
			.hasPassedInOrder("Task_RequestImaging", "SubProcess_AwaitImagingReport", "Event_ImagingReported",
					"Task_DecideSuitability")
			.hasNotPassed("chase-imaging")
			.variables()
			.containsEntry("imagingOrderId", "order-1")
			.containsEntry("dmnSuitability", "SUITABLE");
		assertThat(engine.getManagementService().createJobQuery().activityId("Event_ImagingOverdue").count())
			.as("the chase timer ends with the wait")
			.isZero();
		this.referrals.confirmAndPlanCourse(referral);
		this.referrals.assertNothingLeftOpen("ref-imaging-late");
	}

	@Test
	void imagingReportedBeforeTheProcessWaitsIsTakenAtTheRequest() {
		ProcessInstance referral = this.referrals.submitAndReach("ref-imaging-early",
				ReferralProcessDriver.Stage.PHYSICAL_EXAM);
		// The report came in before the process asked for it; the service kept it
		// (early_message).
		this.referrals.imaging.keepEarlyReport("ref-imaging-early", findings(false, true));

		this.referrals.examine(referral, true);

		assertThat(this.referrals.imaging.keeps("ref-imaging-early")).isFalse();
		assertThat(referral).isWaitingAt("confirm-suitability")
			.hasPassed("Task_RequestImaging", "Gateway_ReportAlreadyIn")
			.hasNotPassed("SubProcess_AwaitImagingReport")
			.variables()
			.containsEntry("imagingReportReceived", true)
			.containsEntry("fullThicknessTear", true)
			.containsEntry("dmnSuitability", "SPECIALIST_REVIEW")
			.containsEntry("dmnReasonCode", "SURGICAL_OPINION_NEEDED");
		assertThat(this.referrals.imaging.requests()).hasSize(1);
		this.referrals.confirm(referral, "NOT_SUITABLE", "Surgical opinion first.");
		this.referrals.assertNothingLeftOpen("ref-imaging-early");
	}

	@Test
	void imagingRedFlagMakesTheReferralNotSuitable() {
		ProcessInstance referral = this.referrals.submitAndReach("ref-red-flag",
				ReferralProcessDriver.Stage.AWAITING_IMAGING);

		this.referrals.reportImaging(referral, findings(true, false));
		assertThat(referral).variables()
			.containsEntry("dmnSuitability", "NOT_SUITABLE")
			.containsEntry("dmnReasonCode", "IMAGING_RED_FLAG");
		this.referrals.confirm(referral, "NOT_SUITABLE", null);

		assertThat(referral).isEnded().hasPassed("Event_ReferralClosedNotSuitable");
		assertThat(this.referrals.stageEvents.only("Closed").details()).containsEntry("outcome", "NOT_SUITABLE")
			.containsEntry("reasonCode", "IMAGING_RED_FLAG");
		this.referrals.assertNothingLeftOpen("ref-red-flag");
	}

	@Test
	void imagingOverdueFor21DaysAddsAChaseTaskAndAfterTheChaseTheProcessWaitsAgain() {
		ProcessInstance referral = this.referrals.submitAndReach("ref-imaging-chase",
				ReferralProcessDriver.Stage.AWAITING_IMAGING);
		Instant requestedAt = ReferralProcessDriver.now();

		assertThat(job("Event_ImagingOverdue", referral).getDuedate())
			.isEqualTo(Date.from(requestedAt.plus(java.time.Duration.ofDays(21))));
		advanceClock(20);
		assertThat(engine.getManagementService().createJobQuery().executable().count()).isZero();
		advanceClock(1);
		execute(job("Event_ImagingOverdue", referral));

		assertThat(referral).isWaitingAt("chase-imaging").isWaitingFor("ImagingReported");
		assertThat(task("chase-imaging", referral)).hasCandidateGroup("clinical-coordinators");
		assertThatThrownBy(() -> this.referrals.completeTask(referral, "chase-imaging", "chaseNote", " ")).rootCause()
			.isInstanceOf(InvalidTaskInputException.class)
			.hasMessageContaining("chaseNote: required");
		this.referrals.completeTask(referral, "chase-imaging", "chaseNote", "Called radiology, report tomorrow.");
		Instant chasedAt = ReferralProcessDriver.now();

		assertThat(referral).isWaitingAt("Event_ImagingOverdue")
			.isWaitingFor("ImagingReported")
			.hasPassed("Event_ImagingChased", "Gateway_AwaitImagingAgain");
		assertThat(job("Event_ImagingOverdue", referral).getDuedate())
			.as("another 21 days from the chase, then chased again")
			.isEqualTo(Date.from(chasedAt.plus(java.time.Duration.ofDays(21))));
		advanceClock(21);
		execute(job("Event_ImagingOverdue", referral));
		assertThat(referral).isWaitingAt("chase-imaging");
		this.referrals.completeTask(referral, "chase-imaging", "chaseNote", "Radiology promised it again.");
		assertThat(engine.getHistoryService()
			.createHistoricTaskInstanceQuery()
			.processInstanceId(referral.getId())
			.taskDefinitionKey("chase-imaging")
			.finished()
			.count()).isEqualTo(2);

		// The late report after the chases.
		this.referrals.reportImaging(referral, findings(false, false));
		assertThat(referral).isWaitingAt("confirm-suitability");
		assertThat(this.referrals.openTasks(referral)).extracting("taskDefinitionKey")
			.containsExactly("confirm-suitability");
		this.referrals.confirmAndPlanCourse(referral);
		this.referrals.assertNothingLeftOpen("ref-imaging-chase");
	}

	@Test
	void imagingReportedWhileTheChaseTaskIsOpenEndsTheChase() {
		ProcessInstance referral = this.referrals.submitAndReach("ref-imaging-during-chase",
				ReferralProcessDriver.Stage.CHASING_IMAGING);
		String chaseTaskId = task("chase-imaging", referral).getId();
		assertThat(engine.getManagementService()
			.createJobQuery()
			.processInstanceId(referral.getId())
			.activityId("chase-imaging")
			.count()).as("the chase task's escalation timer").isOne();

		this.referrals.reportImaging(referral, findings(false, false));

		assertThat(referral).isWaitingAt("confirm-suitability")
			.hasPassed("Event_ImagingReported")
			.hasNotPassed("Event_ImagingChased")
			.variables()
			.containsEntry("imagingOrderId", "order-1")
			.containsEntry("dmnSuitability", "SUITABLE");
		assertThat(this.referrals.openTasks(referral)).extracting("taskDefinitionKey")
			.containsExactly("confirm-suitability");
		assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(chaseTaskId).singleResult())
			.as("the chase is cancelled, not completed")
			.satisfies(chase -> assertThat(chase.getDeleteReason()).isEqualTo("deleted"));
		var jobs = engine.getManagementService().createJobQuery().processInstanceId(referral.getId());
		assertThat(jobs.count())
			.as("neither the chase's escalation nor another chase fires, only confirm-suitability's")
			.isOne();
		assertThat(jobs.activityId("confirm-suitability").count()).isOne();
		this.referrals.confirmAndPlanCourse(referral);
		this.referrals.assertNothingLeftOpen("ref-imaging-during-chase");
	}

	@Test
	void fullThicknessTearSuspectedWithoutImagingGoesToSpecialistReview() {
		ProcessInstance referral = this.referrals.submitAndReach("ref-tear-suspected",
				ReferralProcessDriver.Stage.PHYSICAL_EXAM);

		this.referrals.examine(referral, false, "fullThicknessTearSuspected", true);

		assertThat(referral).isWaitingAt("confirm-suitability")
			.variables()
			.containsEntry("fullThicknessTear", true)
			.containsEntry("dmnSuitability", "SPECIALIST_REVIEW")
			.containsEntry("dmnReasonCode", "SURGICAL_OPINION_NEEDED");
		this.referrals.confirm(referral, "NOT_SUITABLE", "Orthopaedic opinion first.");
		assertThat(this.referrals.stageEvents.only("Closed").details()).containsEntry("reasonCode",
				"SURGICAL_OPINION_NEEDED");
		this.referrals.assertNothingLeftOpen("ref-tear-suspected");
	}

	@Test
	void fullThicknessTearSuspectedButImagingShowsNoneIsSuitable() {
		ProcessInstance referral = this.referrals.submitAndReach("ref-tear-ruled-out",
				ReferralProcessDriver.Stage.PHYSICAL_EXAM);
		this.referrals.examine(referral, true, "fullThicknessTearSuspected", true);

		this.referrals.reportImaging(referral, findings(false, false));

		assertThat(referral).isWaitingAt("confirm-suitability")
			.variables()
			.containsEntry("fullThicknessTearSuspected", true)
			.containsEntry("fullThicknessTear", false)
			.containsEntry("dmnSuitability", "SUITABLE")
			.containsEntry("dmnReasonCode", "INDICATED");
		this.referrals.confirmAndPlanCourse(referral);
		this.referrals.assertNothingLeftOpen("ref-tear-ruled-out");
	}

	@Test
	void historyCannotClearAContraindicationTheReferrerReported() {
		ProcessInstance referral = this.referrals
			.submit(new ReferralToAssess("ref-allergic", "PSN-ref-allergic", "physician-7", "KNEE_OSTEOARTHRITIS",
					"knee", 12, true, false, true, false, false, false, false, "ROUTINE"));
		this.referrals.accept(referral);
		this.referrals.recordHistory(referral, "allergyToInjectate", false, "painDurationMonths", 24);
		this.referrals.examine(referral, false);

		assertThat(referral).isWaitingAt("confirm-suitability")
			.variables()
			.containsEntry("dmnSuitability", "NOT_SUITABLE")
			.containsEntry("dmnReasonCode", "ALLERGY_TO_INJECTATE")
			.containsEntry("allergyToInjectate", true)
			.containsEntry("painDurationMonths", 12);
		// The event still tells what the history recorded.
		assertThat(this.referrals.stageEvents.only("HistoryRecorded").details()).containsEntry("painDurationMonths",
				24);
	}

	@Test
	void notSuitableResultConfirmedClosesWithTheDecisionTablesReason() {
		ProcessInstance referral = this.referrals.submitAndReach("ref-not-chronic",
				ReferralProcessDriver.Stage.RECORD_HISTORY);
		this.referrals.recordHistory(referral, "painDurationMonths", 2);
		this.referrals.examine(referral, false);

		assertThat(referral).isWaitingAt("confirm-suitability")
			.variables()
			.containsEntry("dmnSuitability", "NOT_SUITABLE")
			.containsEntry("dmnReasonCode", "NOT_CHRONIC");
		this.referrals.confirm(referral, "NOT_SUITABLE", null);

		assertThat(referral).isEnded()
			.hasPassed("Event_ReferralClosedNotSuitable")
			.hasNotPassed("Task_ProposeCourse")
			.variables()
			.containsEntry("suitabilityOverridden", false)
			.containsEntry("closingOutcome", "NOT_SUITABLE");
		assertThat(this.referrals.stageEvents.only("SuitabilityDecided").details())
			.containsEntry("dmnSuitability", "NOT_SUITABLE")
			.containsEntry("decision", "NOT_SUITABLE")
			.containsEntry("overridden", false);
		assertThat(this.referrals.stageEvents.only("Closed").details()).containsEntry("outcome", "NOT_SUITABLE")
			.containsEntry("reasonCode", "NOT_CHRONIC")
			.containsEntry("noteToReferrer", "Letter to the referrer");
		this.referrals.assertNothingLeftOpen("ref-not-chronic");
	}

	@Test
	void specialistReviewDecidedSuitableWithRationaleGoesOnToCoursePlanning() {
		ProcessInstance referral = reachSpecialistReview("ref-review-suitable");

		this.referrals.confirm(referral, "SUITABLE", "INR stable, haematology agrees.");

		assertThat(referral).isWaitingAt("plan-course").hasPassed("Task_ProposeCourse");
		assertThat(this.referrals.stageEvents.only("SuitabilityDecided").details())
			.containsEntry("dmnSuitability", "SPECIALIST_REVIEW")
			.containsEntry("dmnReasonCode", "BLEEDING_RISK")
			.containsEntry("decision", "SUITABLE")
			.containsEntry("overridden", false)
			.containsEntry("overrideRationale", "INR stable, haematology agrees.");
		this.referrals.planCourse(referral);
		assertThat(referral).isEnded().hasPassed("Event_ReferralClosedCoursePlanned");
		this.referrals.assertNothingLeftOpen(referral.getBusinessKey());
	}

	@Test
	void specialistReviewDecidedNotSuitableWithRationaleClosesWithTheTablesReason() {
		ProcessInstance referral = reachSpecialistReview("ref-review-not-suitable");

		this.referrals.confirm(referral, "NOT_SUITABLE", "Bleeding risk too high.");

		assertThat(referral).isEnded().hasPassed("Event_ReferralClosedNotSuitable");
		assertThat(this.referrals.stageEvents.only("SuitabilityDecided").details())
			.containsEntry("decision", "NOT_SUITABLE")
			.containsEntry("overridden", false)
			.containsEntry("overrideRationale", "Bleeding risk too high.");
		assertThat(this.referrals.stageEvents.only("Closed").details()).containsEntry("outcome", "NOT_SUITABLE")
			.containsEntry("reasonCode", "BLEEDING_RISK");
		this.referrals.assertNothingLeftOpen("ref-review-not-suitable");
	}

	@Test
	void specialistReviewNeedsARationaleEitherWay() {
		ProcessInstance referral = reachSpecialistReview("ref-review-no-rationale");

		assertThatThrownBy(() -> this.referrals.confirm(referral, "SUITABLE", null)).rootCause()
			.isInstanceOf(InvalidTaskInputException.class)
			.hasMessageContaining("overrideRationale: required");
		assertThatThrownBy(() -> this.referrals.confirm(referral, "NOT_SUITABLE", "")).rootCause()
			.isInstanceOf(InvalidTaskInputException.class)
			.hasMessageContaining("overrideRationale: required");
		assertThatThrownBy(() -> this.referrals.confirm(referral, "SPECIALIST_REVIEW", "Ask a specialist."))
			.as("the clinician's decision ends the review")
			.rootCause()
			.isInstanceOf(InvalidTaskInputException.class)
			.hasMessageContaining("suitabilityDecision: must be one of [NOT_SUITABLE, SUITABLE]");

		assertThat(referral).isWaitingAt("confirm-suitability");
		assertThat(this.referrals.stageEvents.types()).doesNotContain("SuitabilityDecided");
	}

	@Test
	void clinicianOverridesSuitableToNotSuitableWithRationale() {
		ProcessInstance referral = this.referrals.submitAndReach("ref-override-down",
				ReferralProcessDriver.Stage.CONFIRM_SUITABILITY);
		assertThat(referral).variables().containsEntry("dmnSuitability", "SUITABLE");

		assertThatThrownBy(() -> this.referrals.confirm(referral, "NOT_SUITABLE", null)).rootCause()
			.isInstanceOf(InvalidTaskInputException.class)
			.hasMessageContaining("overrideRationale: required when the decision (NOT_SUITABLE) differs");
		this.referrals.confirm(referral, "NOT_SUITABLE", "Skin condition over the insertion sites.");

		assertThat(referral).isEnded()
			.hasPassed("Event_ReferralClosedNotSuitable")
			.variables()
			.containsEntry("suitabilityOverridden", true)
			.containsEntry("notSuitableReasonCode", "CLINICIAN_OVERRIDE");
		assertThat(this.referrals.stageEvents.only("SuitabilityDecided").details())
			.containsEntry("dmnSuitability", "SUITABLE")
			.containsEntry("decision", "NOT_SUITABLE")
			.containsEntry("overridden", true)
			.containsEntry("overrideRationale", "Skin condition over the insertion sites.");
		assertThat(this.referrals.stageEvents.only("Closed").details()).containsEntry("reasonCode",
				"CLINICIAN_OVERRIDE");
		this.referrals.assertNothingLeftOpen("ref-override-down");
	}

	@Test
	void overrideToNotSuitableWithoutANoteForTheReferrerIsRefusedAndTheNoteReachesTheClosing() {
		ProcessInstance referral = this.referrals.submitAndReach("ref-override-note",
				ReferralProcessDriver.Stage.CONFIRM_SUITABILITY);

		assertThatThrownBy(() -> this.referrals.completeTask(referral, "confirm-suitability", "suitabilityDecision",
				"NOT_SUITABLE", "overrideRationale", "Skin condition over the insertion sites.", "suitabilityNote",
				" "))
			.rootCause()
			.isInstanceOf(InvalidTaskInputException.class)
			.hasMessageContaining("suitabilityNote: required when the decision is NOT_SUITABLE");
		assertThat(referral).isWaitingAt("confirm-suitability");
		this.referrals.completeTask(referral, "confirm-suitability", "suitabilityDecision", "NOT_SUITABLE",
				"overrideRationale", "Skin condition over the insertion sites.", "suitabilityNote",
				"Eczema over the injection sites; please treat it first.");

		assertThat(referral).isEnded().hasPassed("Event_ReferralClosedNotSuitable");
		assertThat(this.referrals.stageEvents.only("Closed").details())
			.containsEntry("reasonCode", "CLINICIAN_OVERRIDE")
			.containsEntry("noteToReferrer", "Eczema over the injection sites; please treat it first.");
		this.referrals.assertNothingLeftOpen("ref-override-note");
	}

	@Test
	void clinicianOverridesNotSuitableToSuitableWithRationale() {
		ProcessInstance referral = this.referrals.submitAndReach("ref-override-up",
				ReferralProcessDriver.Stage.RECORD_HISTORY);
		this.referrals.recordHistory(referral, "painDurationMonths", 2);
		this.referrals.examine(referral, false);
		assertThat(referral).variables().containsEntry("dmnSuitability", "NOT_SUITABLE");

		assertThatThrownBy(() -> this.referrals.confirm(referral, "SUITABLE", " ")).rootCause()
			.isInstanceOf(InvalidTaskInputException.class)
			.hasMessageContaining("overrideRationale: required");
		this.referrals.confirm(referral, "SUITABLE", "Recurrent episodes over two years.");

		assertThat(referral).isWaitingAt("plan-course").variables().containsEntry("suitabilityOverridden", true);
		assertThat(this.referrals.stageEvents.only("SuitabilityDecided").details())
			.containsEntry("dmnSuitability", "NOT_SUITABLE")
			.containsEntry("decision", "SUITABLE")
			.containsEntry("overridden", true)
			.containsEntry("overrideRationale", "Recurrent episodes over two years.");
		this.referrals.planCourse(referral);
		assertThat(referral).isEnded().hasPassed("Event_ReferralClosedCoursePlanned");
		this.referrals.assertNothingLeftOpen(referral.getBusinessKey());
	}

	private ProcessInstance reachSpecialistReview(String referralId) {
		ProcessInstance referral = this.referrals.submitAndReach(referralId,
				ReferralProcessDriver.Stage.RECORD_HISTORY);
		this.referrals.recordHistory(referral, "anticoagulated", true);
		this.referrals.examine(referral, false);
		assertThat(referral).isWaitingAt("confirm-suitability")
			.variables()
			.containsEntry("dmnSuitability", "SPECIALIST_REVIEW")
			.containsEntry("dmnReasonCode", "BLEEDING_RISK");
		return referral;
	}

}
