package org.prolo.workflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.prolo.platform.security.Roles;

/**
 * A person's task queries on a real engine with authorizations on and the workflow's
 * TaskAccessPlugin: a query for stages whose tasks the deployed models give to one of the
 * person's groups is left unchecked, as an administrator's is, and finds exactly the
 * administrator's tasks; any other query is narrowed to the person's tasks. Each test
 * deploys what it needs beside a referral process whose triage goes to intake
 * coordinators and whose examination goes to clinicians.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffTaskScopeTests {

	static final String REFERRAL = "referral";

	ProcessEngine engine;

	@BeforeAll
	void engineWithReferrals() {
		var configuration = new StandaloneInMemProcessEngineConfiguration();
		configuration.setProcessEngineName("staff-task-scope-" + UUID.randomUUID());
		configuration.setJdbcUrl("jdbc:h2:mem:staff-task-scope-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		configuration.setJobExecutorActivate(false);
		configuration.setAuthorizationEnabled(true);
		configuration.setEnforceHistoryTimeToLive(false);
		configuration.setGroupResourceWhitelistPattern("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*");
		configuration.setProcessEnginePlugins(List.of(new TaskAccessPlugin()));
		engine = configuration.buildProcessEngine();
		deploy(Bpmn.createExecutableProcess(REFERRAL)
			.startEvent()
			.parallelGateway("fork")
			.userTask("triage")
			.camundaCandidateGroups(Roles.INTAKE_COORDINATORS)
			.endEvent()
			.moveToNode("fork")
			.userTask("physical-exam")
			.camundaCandidateGroups(Roles.CLINICIANS)
			.endEvent()
			.done());
		for (String group : List.of(Roles.INTAKE_COORDINATORS, Roles.CLINICIANS)) {
			grantReadTask(group, REFERRAL);
		}
		for (int i = 0; i < 3; i++) {
			engine.getRuntimeService().startProcessInstanceByKey(REFERRAL);
		}
		// A triage task in hand counts too: the list is of the group's tasks, assigned
		// or not.
		Task triage = engine.getTaskService().createTaskQuery().taskDefinitionKey("triage").listPage(0, 1).get(0);
		engine.getTaskService().setAssignee(triage.getId(), "ivan");
	}

	@AfterAll
	void closeEngine() {
		engine.close();
	}

	@Test
	void aMemberListsTheTasksAtHerGroupsStagesAsAnAdministratorDoesWithoutACheckPerTask() {
		TaskQuery query = stages("triage");

		List<Task> listed = asIngrid(query::list).get();

		assertThat(listed).hasSize(3)
			.extracting(Task::getProcessDefinitionId)
			.allSatisfy(definition -> assertThat(definition).startsWith(REFERRAL + ":"));
		assertThat(asIngrid(() -> stages("triage").count()).get()).isEqualTo(stages("triage").count()).isEqualTo(3);
		assertThat(((TaskQueryImpl) query).getAuthCheck().isAuthorizationCheckEnabled()).isFalse();
	}

	@Test
	void anotherGroupsStagesListNoneOfItsTasks() {
		TaskQuery query = stages("triage");

		List<Task> listed = asClara(query::list).get();

		assertThat(listed).isEmpty();
		assertThat(asClara(() -> stages("triage").count()).get()).isZero();
		assertThat(((TaskQueryImpl) query).getAuthCheck().isAuthorizationCheckEnabled()).isTrue();
	}

	@Test
	void aStageNoDeployedModelHasKeepsTheEnginesCheck() {
		TaskQuery query = stages("triage", "TRIAGE");

		assertThat(asIngrid(query::list).get()).hasSize(3);
		assertThat(((TaskQueryImpl) query).getAuthCheck().isAuthorizationCheckEnabled()).isTrue();
	}

	@Test
	void aQueryMixingHerStageWithAnotherGroupsListsOnlyHers() {
		assertThat(asIngrid(() -> stages("triage", "physical-exam").list()).get())
			.extracting(Task::getTaskDefinitionKey)
			.hasSize(3)
			.containsOnly("triage");
		assertThat(stages("triage", "physical-exam").count()).isEqualTo(6);
	}

	@Test
	void aStageThatAnotherDeployedProcessGivesToAnotherGroupListsOnlyHerTasks() {
		String other = "second-opinion";
		oneTriageTask(other, Roles.CLINICIANS);
		// Her group may read that process's tasks: only the narrowing keeps them out.
		grantReadTask(Roles.INTAKE_COORDINATORS, other);
		listsTheReferralsTriageTasksButNoneOf(other);
	}

	@Test
	void aProcessWhoseTasksSheMayNotReadKeepsTheEnginesCheck() {
		String other = "research-intake";
		oneTriageTask(other, Roles.INTAKE_COORDINATORS);
		listsTheReferralsTriageTasksButNoneOf(other);
	}

	@Test
	void aCasesTaskAtHerStageIsNotHersWithoutHerGroup() {
		// A case's tasks pass the engine's check whatever their groups.
		String deployment = engine.getRepositoryService().createDeployment().addString("triage.cmmn", """
				<definitions xmlns="http://www.omg.org/spec/CMMN/20151109/MODEL" targetNamespace="test">
				  <case id="walk-in">
				    <casePlanModel id="plan">
				      <planItem id="triage" definitionRef="triageTask"/>
				      <humanTask id="triageTask" name="Triage a walk-in"/>
				    </casePlanModel>
				  </case>
				</definitions>
				""").deploy().getId();
		engine.getCaseService().createCaseInstanceByKey("walk-in");
		try {
			assertThat(stages("triage").count()).isEqualTo(4);
			assertThat(asIngrid(() -> stages("triage").list()).get()).hasSize(3)
				.extracting(Task::getCaseInstanceId)
				.containsOnlyNulls();
		}
		finally {
			engine.getRepositoryService().deleteDeployment(deployment, true);
		}
	}

	/** Deploys a process whose one task, triage, goes to {@code group}, and starts it. */
	private void oneTriageTask(String processKey, String group) {
		deploy(Bpmn.createExecutableProcess(processKey)
			.startEvent()
			.userTask("triage")
			.camundaCandidateGroups(group)
			.endEvent()
			.done());
		engine.getRuntimeService().startProcessInstanceByKey(processKey);
	}

	/**
	 * Ingrid's query of triage lists the referral's three triage tasks and not the other
	 * process's, which an administrator's lists too; then the other process goes.
	 */
	private void listsTheReferralsTriageTasksButNoneOf(String other) {
		try {
			assertThat(asIngrid(() -> stages("triage").list()).get()).hasSize(3)
				.extracting(Task::getProcessDefinitionId)
				.noneMatch(definition -> definition.startsWith(other));
			assertThat(stages("triage").count()).isEqualTo(4);
		}
		finally {
			undeploy(other);
		}
	}

	private TaskQuery stages(String... keys) {
		return engine.getTaskService().createTaskQuery().taskDefinitionKeyIn(keys);
	}

	private <T> Supplier<T> asIngrid(Supplier<T> work) {
		return as("ingrid", Roles.INTAKE_COORDINATORS, work);
	}

	private <T> Supplier<T> asClara(Supplier<T> work) {
		return as("clara", Roles.CLINICIANS, work);
	}

	private <T> Supplier<T> as(String user, String group, Supplier<T> work) {
		return () -> {
			engine.getIdentityService().setAuthentication(user, List.of(group));
			try {
				return work.get();
			}
			finally {
				engine.getIdentityService().clearAuthentication();
			}
		};
	}

	private void deploy(BpmnModelInstance model) {
		engine.getRepositoryService()
			.createDeployment()
			.addModelInstance(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)
				.iterator()
				.next()
				.getId() + ".bpmn", model)
			.deploy();
	}

	private void undeploy(String processKey) {
		engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey(processKey)
			.list()
			.forEach(definition -> engine.getRepositoryService().deleteDeployment(definition.getDeploymentId(), true));
	}

	private void grantReadTask(String group, String processKey) {
		Authorization grant = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		grant.setGroupId(group);
		grant.setResource(Resources.PROCESS_DEFINITION);
		grant.setResourceId(processKey);
		grant.addPermission(Permissions.READ_TASK);
		engine.getAuthorizationService().saveAuthorization(grant);
	}

}
