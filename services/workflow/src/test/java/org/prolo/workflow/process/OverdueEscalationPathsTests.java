package org.prolo.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Set;

import org.camunda.bpm.engine.runtime.JobQuery;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.prolo.calendar.ClinicCalendar;
import org.prolo.workflow.process.ReferralProcessDriver.Stage;

/**
 * Every user task is due in working days; when it is overdue its timeout listener adds
 * clinic-leads as a candidate group and leaves the task with its owner.
 */
class OverdueEscalationPathsTests extends OnTheProcessEngine {

	/**
	 * Every task is created on Monday 3 March 2025 at 09:00 in the clinic, except
	 * chase-imaging, which comes 21 days after the imaging request.
	 */
	@ParameterizedTest(name = "{0} is due {2} and then escalates")
	@CsvSource({ "TRIAGE,              intake-coordinators,   2025-03-05T09:00+01:00",
			"RECORD_HISTORY,      clinical-coordinators, 2025-03-10T09:00+01:00",
			"PHYSICAL_EXAM,       clinicians,            2025-03-17T09:00+01:00",
			"CHASING_IMAGING,     clinical-coordinators, 2025-03-26T09:00+01:00",
			"CONFIRM_SUITABILITY, clinicians,            2025-03-06T09:00+01:00",
			"PLAN_COURSE,         clinicians,            2025-03-10T09:00+01:00" })
	void overdueTaskEscalatesToClinicLeadsAndKeepsItsOwner(Stage stage, String group, OffsetDateTime due) {
		ProcessInstance referral = this.referrals.submitAndReach("ref-overdue-" + stage, stage);
		Task task = task(stage.activityId, referral);
		engine.getTaskService().setAssignee(task.getId(), "alice");
		Date dueDate = Date.from(due.toInstant());

		assertThat(task.getDueDate()).isEqualTo(dueDate);
		Job timeout = overdueTimer(referral, stage.activityId).singleResult();
		assertThat(timeout.getDuedate()).isEqualTo(dueDate);

		ReferralProcessDriver.setClock(due.toInstant().minusSeconds(60));
		assertThat(overdueTimer(referral, stage.activityId).executable().count()).as("not before it is due").isZero();
		ReferralProcessDriver.setClock(due.toInstant());
		execute(timeout);

		assertThat(referral).isWaitingAt(stage.activityId);
		assertThat(task(stage.activityId, referral)).isAssignedTo("alice");
		assertThat(candidateGroups(task)).containsExactlyInAnyOrder(group, OverdueEscalation.CLINIC_LEADS);
		assertThat(overdueTimer(referral, stage.activityId).count()).as("escalates once").isZero();
	}

	@Test
	void dueDatesSkipTheWeekend() {
		// Friday 7 March 2025, 16:30 in the clinic.
		ReferralProcessDriver.setClock(Instant.parse("2025-03-07T15:30:00Z"));
		ProcessInstance referral = this.referrals.submit("ref-friday");

		assertThat(task("triage", referral).getDueDate())
			.isEqualTo(Date.from(OffsetDateTime.parse("2025-03-11T16:30+01:00").toInstant()));
	}

	@Test
	void taskThatWouldFallDueOnAClosedDayIsDueAndEscalatesOnTheNextWorkingDay() {
		// Triage created Monday 3 March 2025 at 09:00 would be due on Wednesday 5th; the
		// clinic is closed on the 5th and 6th.
		ReferralProcessDriver.reset();
		this.referrals = new ReferralProcessDriver(engine.getProcessEngine(), new ClinicCalendar(
				ReferralProcessDriver.CLINIC, Set.of(LocalDate.of(2025, 3, 5), LocalDate.of(2025, 3, 6))));
		ProcessInstance referral = this.referrals.submit("ref-closed-day");
		Date friday = Date.from(OffsetDateTime.parse("2025-03-07T09:00+01:00").toInstant());

		assertThat(task("triage", referral).getDueDate()).isEqualTo(friday);
		Job timeout = overdueTimer(referral, "triage").singleResult();
		assertThat(timeout.getDuedate()).isEqualTo(friday);
		ReferralProcessDriver.setClock(Instant.parse("2025-03-06T16:00:00Z"));
		assertThat(overdueTimer(referral, "triage").executable().count()).as("not on the closed days").isZero();
	}

	@Test
	void taskCompletedInTimeNeverEscalates() {
		ProcessInstance referral = this.referrals.submit("ref-in-time");
		assertThat(overdueTimer(referral, "triage").count()).isOne();

		this.referrals.accept(referral);

		assertThat(overdueTimer(referral, "triage").count()).isZero();
		assertThat(engine.getHistoryService()
			.createHistoricIdentityLinkLogQuery()
			.groupId(OverdueEscalation.CLINIC_LEADS)
			.count()).isZero();
		assertThat(candidateGroups(task("record-history", referral))).containsExactly("clinical-coordinators");
	}

	private JobQuery overdueTimer(ProcessInstance referral, String taskKey) {
		return engine.getManagementService()
			.createJobQuery()
			.processInstanceId(referral.getId())
			.activityId(taskKey)
			.timers();
	}

	private java.util.List<String> candidateGroups(Task task) {
		return engine.getTaskService()
			.getIdentityLinksForTask(task.getId())
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.map(IdentityLink::getGroupId)
			.toList();
	}

}
