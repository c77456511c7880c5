package org.prolo.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;

/** The process as Camunda Modeler and the engine read it, checked without an engine. */
class BpmnModelTests {

	static final Pattern GENERATED_ID = Pattern
		.compile("^(Activity|Gateway|Event|Flow|StartEvent|EndEvent|Task|SubProcess|DataObject)_[0-9][0-9a-z]{6}$");

	final BpmnModelInstance model = Bpmn.readModelFromFile(bpmnFolder().resolve("prolotherapy-referral.bpmn").toFile());

	@Test
	void isExecutableUnderItsLifecycleKey() {
		Process process = model.getModelElementById("prolotherapy-referral");
		assertThat(process.isExecutable()).isTrue();
		assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("P180D");
	}

	@Test
	void everyFlowNodeHasANameAndAShapeAndEveryFlowAnEdge() {
		Set<String> shaped = model.getModelElementsByType(BpmnShape.class)
			.stream()
			.map(shape -> shape.getBpmnElement().getId())
			.collect(Collectors.toSet());
		Set<String> edged = model.getModelElementsByType(BpmnEdge.class)
			.stream()
			.map(edge -> edge.getBpmnElement().getId())
			.collect(Collectors.toSet());
		assertThat(model.getModelElementsByType(FlowNode.class)).isNotEmpty().allSatisfy(node -> {
			assertThat(node.getName()).as(node.getId()).isNotBlank();
			assertThat(shaped).as("shape of " + node.getId()).contains(node.getId());
		});
		assertThat(model.getModelElementsByType(SequenceFlow.class)).isNotEmpty()
			.allSatisfy(flow -> assertThat(edged).as("edge of " + flow.getId()).contains(flow.getId()));
	}

	@Test
	void noIdLooksGenerated() {
		assertThat(model.getModelElementsByType(BaseElement.class))
			.allSatisfy(element -> assertThat(element.getId()).doesNotMatch(GENERATED_ID));
	}

	@Test
	void userTasksAreTheLifecycleTasksWithTheirGroupsFormsAndDueDates() {
		Map<String, String> groups = Map.of("triage", "intake-coordinators", "record-history", "clinical-coordinators",
				"physical-exam", "clinicians", "chase-imaging", "clinical-coordinators", "confirm-suitability",
				"clinicians", "plan-course", "clinicians");
		assertThat(model.getModelElementsByType(UserTask.class)).hasSize(groups.size()).allSatisfy(task -> {
			assertThat(groups).containsKey(task.getId());
			assertThat(task.getCamundaCandidateGroups()).isEqualTo(groups.get(task.getId()));
			assertThat(task.getCamundaFormRef()).isEqualTo(task.getId());
			assertThat(task.getCamundaFormRefBinding()).isEqualTo("latest");
			assertThat(task.getCamundaDueDate()).startsWith("${dueDates.workingDaysFromNow(");
			assertThat(Files.exists(bpmnFolder().resolve(task.getId() + ".form"))).as(task.getId() + ".form").isTrue();
		});
	}

	static Path bpmnFolder() {
		String root = System.getProperty("repo.root");
		Path folder = (root != null) ? Path.of(root, "bpmn") : Path.of("../../bpmn");
		return Files.isDirectory(folder) ? folder : Path.of("../../bpmn");
	}

}
