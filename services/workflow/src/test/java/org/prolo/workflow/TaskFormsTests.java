package org.prolo.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.prolo.workflow.guard.FormOutputs;
import org.prolo.workflow.lifecycle.TaskInputRules;

/**
 * The forms are the one owner of each task's outputs: what the guard reads from them is
 * what a user fills in, context is never submitted back, and every user task has its form
 * under its own key.
 */
class TaskFormsTests {

	static final Path BPMN = Path.of("../../bpmn");

	@Test
	void eachTasksOutputsAreTheFieldsItsUserFillsIn() {
		Map<String, Set<String>> outputs = FormOutputs.fromClasspath();

		assertThat(outputs).containsOnlyKeys("triage", "record-history", "physical-exam", "chase-imaging",
				"confirm-suitability", "plan-course");
		assertThat(outputs.get("triage")).containsExactlyInAnyOrder("triageOutcome", "reasonCode", "noteToReferrer",
				"infoQuestion");
		assertThat(outputs.get("confirm-suitability")).containsExactlyInAnyOrder("suitabilityDecision",
				"overrideRationale", "suitabilityNote");
		assertThat(outputs.get("chase-imaging")).containsExactly("chaseNote");
		assertThat(outputs.get("plan-course")).containsExactlyInAnyOrder("sessions", "intervalWeeks", "dextrosePercent",
				"injectionSites");
		assertThat(outputs.get("record-history")).contains("painScore", "medications")
			.doesNotContain("condition", "bodySite");
		assertThat(outputs.get("physical-exam")).contains("imagingNeeded", "tenderInsertions")
			.doesNotContain("dmnSuitability", "malignancyAtSite");
	}

	@Test
	void triageOffersExactlyTheRejectionReasonsTheServerAccepts() throws IOException {
		JsonNode reason = new ObjectMapper().readTree(BPMN.resolve("triage.form").toFile())
			.findParents("key")
			.stream()
			.filter(field -> field.path("key").asText().equals("reasonCode"))
			.findFirst()
			.orElseThrow();
		List<String> offered = reason.path("values").findValuesAsText("value");

		assertThat(reason.path("type").asText()).isEqualTo("select");
		assertThat(offered).containsExactlyInAnyOrderElementsOf(TaskInputRules.TRIAGE_REJECTION_REASONS);
	}

	@Test
	void confirmSuitabilityRequiresTheNoteExactlyWhenTheServerDoes() throws IOException {
		JsonNode note = new ObjectMapper().readTree(BPMN.resolve("confirm-suitability.form").toFile())
			.findParents("key")
			.stream()
			.filter(field -> field.path("key").asText().equals("suitabilityNote"))
			.findFirst()
			.orElseThrow();

		assertThat(note.at("/validate/required").asBoolean()).isTrue();
		assertThat(note.at("/conditional/hide").asText()).isEqualTo("=suitabilityDecision != \"NOT_SUITABLE\"");
		assertThat(TaskInputRules
			.check("confirm-suitability", Map.of("dmnSuitability", "SUITABLE", "suitabilityDecision", "SUITABLE"))
			.valid()).isTrue();
	}

	@Test
	void contextFieldsAreDisabledSoTheFormNeverSubmitsThem() throws IOException {
		try (var forms = Files.newDirectoryStream(BPMN, "*.form")) {
			for (Path form : forms) {
				List<JsonNode> fields = new ObjectMapper().readTree(form.toFile()).findParents("key");
				assertThat(fields).as(form.toString()).noneMatch(field -> field.has("readonly"));
			}
		}
	}

	@Test
	void everyUserTaskUsesTheFormOfItsOwnKey() {
		var model = Bpmn.readModelFromFile(BPMN.resolve("prolotherapy-referral.bpmn").toFile());
		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			assertThat(task.getCamundaFormRef()).as(task.getId()).isEqualTo(task.getId());
		}
	}

	@Test
	void theTriageFormShowsTheQuestionAndTheAnswerWithoutSubmittingThem() throws IOException {
		JsonNode triage = new ObjectMapper().readTree(BPMN.resolve("triage.form").toFile());

		assertThat(triage.findParents("key"))
			.anySatisfy(field -> assertThat(field.get("key").asText()).isEqualTo("infoAnswer"))
			.filteredOn(field -> field.get("key").asText().equals("infoAnswer"))
			.allSatisfy(field -> assertThat(field.get("disabled").asBoolean()).isTrue());
		assertThat(triage.toString()).contains("{{askedQuestion}}");
		assertThat(FormOutputs.fromClasspath().get("triage")).doesNotContain("infoAnswer");
	}

}
