package org.prolo.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;

import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.prolo.workflow.process.ReferralProcessDriver.Stage;

/**
 * A physician may withdraw a referral at any stage before it closes: whatever is open is
 * cancelled and the referral closes as WITHDRAWN.
 */
class WithdrawalPathsTests extends OnTheProcessEngine {

	@ParameterizedTest
	@EnumSource(Stage.class)
	void withdrawalClosesTheReferralAsWithdrawnWithNothingLeftOpen(Stage stage) {
		ProcessInstance referral = this.referrals.submitAndReach("ref-withdrawn-" + stage, stage);
		int publishedBefore = this.referrals.stageEvents.published().size();
		List<String> openBefore = this.referrals.openTasks(referral).stream().map(Task::getTaskDefinitionKey).toList();

		this.referrals.withdraw(referral);

		assertThat(referral).isEnded().hasPassed("Event_ReferralWithdrawn", "Event_ReferralClosedWithdrawn");
		assertThat(this.referrals.openTasks(referral)).isEmpty();
		assertThat(engine.getManagementService().createJobQuery().processInstanceId(referral.getId()).count())
			.as("no timer of the referral fires any more")
			.isZero();
		assertThat(
				engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(referral.getId()).count())
			.as("no message is awaited any more")
			.isZero();
		assertThat(this.referrals.stageEvents.published()).hasSize(publishedBefore + 1);
		assertThat(this.referrals.stageEvents.only("Closed").details()).containsEntry("outcome", "WITHDRAWN")
			.containsEntry("reasonCode", null)
			.containsEntry("noteToReferrer", null);
		assertThat(engine.getHistoryService()
			.createHistoricTaskInstanceQuery()
			.processInstanceId(referral.getId())
			.taskDeleteReason("deleted")
			.list()).as("the tasks that were open are cancelled, not completed")
			.map(HistoricTaskInstance::getTaskDefinitionKey)
			.containsExactlyInAnyOrderElementsOf(openBefore);
		this.referrals.assertNothingLeftOpen("ref-withdrawn-" + stage);
	}

}
