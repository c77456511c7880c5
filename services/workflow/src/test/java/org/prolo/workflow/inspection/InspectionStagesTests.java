package org.prolo.workflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.Test;

class InspectionStagesTests {

	@Test
	void knowsTheStageOfEveryElementAProcessCanStandIn() throws Exception {
		List<String> ids = flowNodes().stream()
			.filter(node -> !(node instanceof EndEvent))
			.map(FlowNode::getId)
			.toList();

		assertThat(ids).hasSizeGreaterThan(20)
			.allSatisfy(id -> assertThat(Stages.of(List.of(id))).as(id).isNotEqualTo("Unknown"));
	}

	@Test
	void namesOnlyElementsTheProcessHas() throws Exception {
		List<String> ids = flowNodes().stream().map(FlowNode::getId).toList();

		assertThat(Stages.elementIds()).isNotEmpty().allSatisfy(id -> assertThat(ids).as(id).contains(id));
	}

	@Test
	void namesTheStageOfWhereTheProcessStands() {
		assertThat(Stages.of(List.of("SubProcess_AwaitImagingReport", "chase-imaging"))).isEqualTo("Imaging");
		assertThat(Stages.of(List.of("triage"))).isEqualTo("Triage");
		assertThat(Stages.of(List.of("somewhere-new"))).isEqualTo("Unknown");
		assertThat(Stages.of(List.of())).isNull();
	}

	private Collection<FlowNode> flowNodes() throws Exception {
		try (InputStream bpmn = getClass().getResourceAsStream("/bpmn/prolotherapy-referral.bpmn")) {
			return Bpmn.readModelFromStream(bpmn).getModelElementsByType(FlowNode.class);
		}
	}

}
