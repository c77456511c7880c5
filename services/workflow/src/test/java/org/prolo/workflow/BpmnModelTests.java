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
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
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

	/**
	 * No work outlives its reason: the imaging report interrupts the whole wait, chase
	 * task included, and no boundary event lets a token run beside the activity it is
	 * attached to.
	 */
	@Test
	void imagingReportInterruptsTheWaitWithItsChaseTask() {
		SubProcess wait = model.getModelElementById("SubProcess_AwaitImagingReport");
		assertThat(wait.getFlowElements()).extracting(FlowElement::getId)
			.contains("Event_ImagingOverdue", "chase-imaging");
		BoundaryEvent report = model.getModelElementById("Event_ImagingReported");
		assertThat(report.getAttachedTo()).isEqualTo(wait);
		assertThat(report.getEventDefinitions()).singleElement()
			.isInstanceOfSatisfying(MessageEventDefinition.class,
					message -> assertThat(message.getMessage().getName()).isEqualTo("ImagingReported"));
		assertThat(model.getModelElementsByType(BoundaryEvent.class))
			.allSatisfy(boundary -> assertThat(boundary.cancelActivity()).as(boundary.getId()).isTrue());
	}

	/**
	 * Cockpit draws what the diagram says: an expanded subprocess around its elements.
	 */
	@Test
	void elementsOfTheImagingWaitAreDrawnInsideIt() {
		Bounds outer = shapeOf("SubProcess_AwaitImagingReport").getBounds();
		SubProcess wait = model.getModelElementById("SubProcess_AwaitImagingReport");
		assertThat(shapeOf("SubProcess_AwaitImagingReport").isExpanded()).isTrue();
		assertThat(wait.getChildElementsByType(FlowNode.class)).isNotEmpty().allSatisfy(node -> {
			Bounds inner = shapeOf(node.getId()).getBounds();
			assertThat(inner.getX()).as(node.getId()).isGreaterThanOrEqualTo(outer.getX());
			assertThat(inner.getY()).as(node.getId()).isGreaterThanOrEqualTo(outer.getY());
			assertThat(inner.getX() + inner.getWidth()).as(node.getId())
				.isLessThanOrEqualTo(outer.getX() + outer.getWidth());
			assertThat(inner.getY() + inner.getHeight()).as(node.getId())
				.isLessThanOrEqualTo(outer.getY() + outer.getHeight());
		});
	}

	private BpmnShape shapeOf(String elementId) {
		return model.getModelElementsByType(BpmnShape.class)
			.stream()
			.filter(shape -> shape.getBpmnElement().getId().equals(elementId))
			.findFirst()
			.orElseThrow();
	}

	static Path bpmnFolder() {
		String root = System.getProperty("repo.root");
		Path folder = (root != null) ? Path.of(root, "bpmn") : Path.of("../../bpmn");
		return Files.isDirectory(folder) ? folder : Path.of("../../bpmn");
	}

}
