package org.prolo.workflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.prolo.platform.security.Roles;

/** Each staff group's Tasklist filter, made from the deployed referral process. */
@Deployment(resources = "bpmn/prolotherapy-referral.bpmn")
class StaffTaskListsTests {

	@RegisterExtension
	static final ProcessEngineExtension engine = ProcessEngineExtension.builder()
		.configurationResource("process-tests.camunda.cfg.xml")
		.build();

	@AfterEach
	void deleteFilters() {
		FilterService filters = engine.getFilterService();
		filters.createFilterQuery().list().forEach(filter -> filters.deleteFilter(filter.getId()));
	}

	@Test
	void eachGroupsFilterListsTheTasksAtItsStagesAndTheLeadsFilterTheirCandidateGroup() {
		lists().run(null);

		assertThat(query(Roles.INTAKE_COORDINATORS).getKeys()).containsExactly("triage");
		assertThat(query(Roles.CLINICAL_COORDINATORS).getKeys()).containsExactly("record-history", "chase-imaging");
		assertThat(query(Roles.CLINICIANS).getKeys()).containsExactly("physical-exam", "confirm-suitability",
				"plan-course");
		TaskQueryImpl leads = query(Roles.CLINIC_LEADS);
		assertThat(leads.getKeys()).isNull();
		assertThat(leads.getCandidateGroup()).isEqualTo(Roles.CLINIC_LEADS);
		assertThat(leads.isIncludeAssignedTasks()).isTrue();
		assertThat(query(Roles.CLINICIANS).getOrderingProperties())
			.extracting(ordering -> ordering.getQueryProperty().getName())
			.containsExactly("PRIORITY_", "DUE_DATE_");
	}

	@Test
	void aFilterFromBeforeListsTheStagesAfterTheNextStartAndKeepsItsProperties() {
		FilterService filters = engine.getFilterService();
		String name = StaffTaskLists.FILTERS.get(Roles.CLINICIANS);
		filters.saveFilter(filters.newTaskFilter(name)
			.setQuery(engine.getTaskService().createTaskQuery().taskCandidateGroup(Roles.CLINICIANS))
			.setProperties(Map.of("priority", 3, "color", "#336699")));

		lists().run(null);
		int revision = ((FilterEntity) filter(name)).getRevision();
		lists().run(null);

		assertThat(query(Roles.CLINICIANS).getKeys()).containsExactly("physical-exam", "confirm-suitability",
				"plan-course");
		assertThat(query(Roles.CLINICIANS).getCandidateGroup()).isNull();
		assertThat(filter(name).getProperties()).containsEntry("color", "#336699").containsEntry("priority", 3);
		assertThat(((FilterEntity) filter(name)).getRevision()).as("saved again without a change").isEqualTo(revision);
	}

	@Test
	void aTaskWhoseCandidateGroupsAreComputedHasNoGroupOfItsOwn() {
		var model = Bpmn.createExecutableProcess("p")
			.startEvent()
			.userTask("named")
			.camundaCandidateGroups("clinicians, clinic-leads")
			.userTask("computed")
			.camundaCandidateGroups("${groupsOf(referral)}")
			.endEvent()
			.done();

		assertThat(GroupStages.candidateGroups(model)).containsEntry("named", Set.of("clinicians", "clinic-leads"))
			.containsEntry("computed", Set.of());
	}

	private StaffTaskLists lists() {
		return new StaffTaskLists(engine.getFilterService(), engine.getTaskService(),
				new GroupStages(engine.getRepositoryService()));
	}

	private Filter filter(String name) {
		return engine.getFilterService().createFilterQuery().filterName(name).singleResult();
	}

	private TaskQueryImpl query(String group) {
		return filter(StaffTaskLists.FILTERS.get(group)).getQuery();
	}

}
