package org.prolo.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.TestTokens;
import org.prolo.platform.testing.SharedBrokerSignIn;
import org.prolo.workflow.inspection.Referrals;
import org.prolo.workflow.process.TaskInputValidation.InvalidTaskInputException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A hostile staff member with a real signed token against the running service's engine
 * REST API: each task accepts exactly its own outputs, nobody changes a fact outside a
 * completion, claims are for oneself, and only a lead gives a task, to a member of its
 * groups. After each refusal the task is still open and nothing changed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:workflow-${random.uuid};DB_CLOSE_DELAY=-1")
@Import({ TestTokens.Decoder.class, SharedBrokerSignIn.class })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileCompletionTests {

	static final Duration TIMEOUT = Duration.ofSeconds(60);

	static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	ManagementService management;

	WorkflowHttp http;

	@BeforeAll
	void http() {
		http = new WorkflowHttp(port);
	}

	static String ingrid() {
		return TestTokens.user("ingrid", Roles.INTAKE_COORDINATORS);
	}

	static String carl() {
		return TestTokens.user("carl", Roles.CLINICAL_COORDINATORS);
	}

	static String clara() {
		return TestTokens.user("clara", Roles.CLINICIANS);
	}

	static String leo() {
		return TestTokens.user("leo", Roles.CLINIC_LEADS);
	}

	@Test
	void everyTaskRefusesEveryVariableThatIsNotItsOwnOutput() {
		String referral = submit();
		Task triage = openTask(referral, "triage");
		refused(triage, ingrid(), plain("triageOutcome", "ACCEPTED", "malignancyAtSite", true), "malignancyAtSite");
		refused(triage, ingrid(), plain("triageOutcome", "ACCEPTED", "triagedBy", "dr-ben"), "triagedBy");
		refused(triage, ingrid(), plain("triageOutcome", "ACCEPTED", "condition", "LOW_BACK_PAIN"), "condition");
		refused(triage, ingrid(), plain("triageOutcome", "ACCEPTED", "painScore", 3), "painScore");
		completed(triage, ingrid(), plain("triageOutcome", "ACCEPTED"));

		Task recordHistory = openTask(referral, "record-history");
		refused(recordHistory, carl(), with(history(), "activeInfectionAtSite", true), "activeInfectionAtSite");
		refused(recordHistory, carl(), with(history(), "triageOutcome", "REJECTED"), "triageOutcome");
		completed(recordHistory, carl(), history());

		Task exam = openTask(referral, "physical-exam");
		refused(exam, clara(), with(exam(), "malignancyAtSite", true), "malignancyAtSite");
		refused(exam, clara(), with(exam(), "imagingRedFlag", false), "imagingRedFlag");
		completed(exam, clara(), exam());

		Task confirm = openTask(referral, "confirm-suitability");
		assertThat(runtime.getVariable(confirm.getProcessInstanceId(), "dmnSuitability")).isEqualTo("SUITABLE");
		// The reported attack: rewrite the table's result to match her own decision.
		refused(confirm, clara(), plain("suitabilityDecision", "NOT_SUITABLE", "dmnSuitability", "NOT_SUITABLE"),
				"dmnSuitability");
		refused(confirm, clara(), plain("suitabilityDecision", "SUITABLE", "dmnDecisionVersion", 99),
				"dmnDecisionVersion");
		// Without the rewrite, her override still needs a rationale.
		refused(confirm, clara(), plain("suitabilityDecision", "NOT_SUITABLE"), "overrideRationale");
		completed(confirm, clara(), plain("suitabilityDecision", "SUITABLE"));

		Task plan = openTask(referral, "plan-course");
		refused(plan, clara(), with(course(), "courseDecisionVersion", 7), "courseDecisionVersion");
		refused(plan, clara(), with(course(), "suitabilityOverridden", true), "suitabilityOverridden");
		completed(plan, clara(), course());
	}

	@Test
	void chaseImagingRefusesTheImagingFindings() {
		String referral = submit();
		completed(openTask(referral, "triage"), ingrid(), plain("triageOutcome", "ACCEPTED"));
		completed(openTask(referral, "record-history"), carl(), history());
		Map<String, Object> exam = with(exam(), "imagingNeeded", true);
		exam.putAll(plain("imagingModality", "MRI", "imagingBodyRegion", "knee", "imagingClinicalQuestion", "tear?"));
		completed(openTask(referral, "physical-exam"), clara(), exam);
		String processInstanceId = history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(referral)
			.singleResult()
			.getId();
		var overdue = await().atMost(TIMEOUT)
			.until(() -> management.createJobQuery()
				.processInstanceId(processInstanceId)
				.activityId("Event_ImagingOverdue")
				.singleResult(), job -> job != null);
		management.executeJob(overdue.getId());

		Task chase = openTask(referral, "chase-imaging");
		refused(chase, carl(), plain("chaseNote", "called radiology", "imagingRedFlag", false), "imagingRedFlag");
		completed(chase, carl(), plain("chaseNote", "called radiology"));
	}

	@Test
	void refusesObjectAndJsonTypedVariablesEvenUnderTheTasksOwnNames() {
		Task triage = openTask(submit(), "triage");
		Map<String, Object> object = Map.of("triageOutcome",
				Map.of("value", "rO0ABXQACEFDQ0VQVEVE", "type", "Object", "valueInfo", Map.of("objectTypeName",
						"java.lang.String", "serializationDataFormat", "application/x-java-serialized-object")));
		Map<String, Object> json = Map.of("triageOutcome", Map.of("value", "{\"a\":1}", "type", "Json"));

		refusedRaw(triage, ingrid(), "/complete", object, "triageOutcome (object)");
		refusedRaw(triage, ingrid(), "/complete", json, "triageOutcome (json)");
		refusedRaw(triage, ingrid(), "/submit-form", json, "triageOutcome (json)");
	}

	@Test
	void submitFormRefusesForeignVariablesAsCompleteDoes() {
		Task triage = openTask(submit(), "triage");
		refusedRaw(triage, ingrid(), "/submit-form",
				typed(plain("triageOutcome", "ACCEPTED", "malignancyAtSite", true)), "malignancyAtSite");
	}

	@Test
	void nobodyChangesAFactOutsideACompletion() {
		String referral = submit();
		Task triage = openTask(referral, "triage");
		String instance = triage.getProcessInstanceId();
		String value = "{\"value\":true,\"type\":\"Boolean\"}";
		String modification = "{\"modifications\":{\"malignancyAtSite\":{\"value\":true,\"type\":\"Boolean\"}}}";

		for (String token : new String[] { ingrid(), leo(), TestTokens.user("demo", Roles.CAMUNDA_ADMIN) }) {
			assertRefused(http.put("/engine-rest/task/" + triage.getId() + "/variables/malignancyAtSite", token,
					"application/json", value));
			assertRefused(http.put("/engine-rest/task/" + triage.getId() + "/localVariables/malignancyAtSite", token,
					"application/json", value));
			assertRefused(http.post("/engine-rest/task/" + triage.getId() + "/variables", token, "application/json",
					modification));
			assertRefused(http.post("/engine-rest/process-instance/" + instance + "/variables", token,
					"application/json", modification));
			assertRefused(http.put("/engine-rest/process-instance/" + instance + "/variables/malignancyAtSite", token,
					"application/json", value));
			assertRefused(http.put("/engine-rest/execution/" + instance + "/localVariables/malignancyAtSite", token,
					"application/json", value));
			// Without the guard, this one would withdraw the referral and set the fact.
			assertRefused(http.post("/engine-rest/message", token, "application/json",
					"{\"messageName\":\"ReferralWithdrawn\",\"businessKey\":\"" + referral
							+ "\",\"processVariables\":{\"malignancyAtSite\":{\"value\":true,\"type\":\"Boolean\"}}}"));
		}
		// A BPMN error the process does not catch would end the referral.
		assertRefused(http.post("/engine-rest/task/" + triage.getId() + "/bpmnError", ingrid(), "application/json",
				"{\"errorCode\":\"any\",\"variables\":{\"malignancyAtSite\":{\"value\":true,\"type\":\"Boolean\"}}}"));
		assertRefused(http.post("/engine-rest/task/" + triage.getId() + "/bpmnEscalation", ingrid(), "application/json",
				"{\"escalationCode\":\"any\"}"));
		assertThat(tasks.createTaskQuery().taskId(triage.getId()).count()).isOne();
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isOne();
		assertThat(runtime.getVariable(instance, "malignancyAtSite")).isEqualTo(false);
		assertThat(tasks.getVariablesLocal(triage.getId())).isEmpty();
	}

	@Test
	void theJavaApiRefusesForeignVariablesToo() {
		Task triage = openTask(submit(), "triage");

		assertThatThrownBy(() -> tasks.complete(triage.getId(), plain("triageOutcome", "ACCEPTED", "condition", "X")))
			.isInstanceOf(InvalidTaskInputException.class)
			.hasMessageContaining("condition");
		assertThat(tasks.createTaskQuery().taskId(triage.getId()).count()).isOne();
	}

	@Test
	void aPersonClaimsOnlyForThemselves() {
		Task triage = openTask(submit(), "triage");

		HttpResponse<String> forCarl = http.post("/engine-rest/task/" + triage.getId() + "/claim", ingrid(),
				"application/json", "{\"userId\":\"carl\"}");
		HttpResponse<String> forAda = http.post("/engine-rest/task/" + triage.getId() + "/claim", ingrid(),
				"application/json", "{\"userId\":\"dr-ada\"}");

		assertThat(forCarl.statusCode()).as(forCarl.body()).isEqualTo(403);
		assertThat(forCarl.body()).contains("AuthorizationException");
		assertThat(forAda.statusCode()).as(forAda.body()).isEqualTo(403);
		assertThat(tasks.createTaskQuery().taskId(triage.getId()).singleResult().getAssignee()).isNull();

		HttpResponse<String> forHerself = http.post("/engine-rest/task/" + triage.getId() + "/claim", ingrid(),
				"application/json", "{\"userId\":\"ingrid\"}");
		assertThat(forHerself.statusCode()).as(forHerself.body()).isEqualTo(204);
		assertThat(tasks.createTaskQuery().taskId(triage.getId()).singleResult().getAssignee()).isEqualTo("ingrid");
	}

	@Test
	void onlyALeadGivesATaskAndOnlyToAMemberOfItsGroups() {
		Task triage = openTask(submit(), "triage");
		String task = "/engine-rest/task/" + triage.getId();
		// ines has signed in once, as an intake coordinator: the service knows her
		// groups.
		String ines = TestTokens.user("ines", Roles.INTAKE_COORDINATORS);
		assertThat(http.get("/engine-rest/task?maxResults=1", ines, "application/json").statusCode()).isEqualTo(200);

		assertThat(http.post(task + "/assignee", ingrid(), "application/json", "{\"userId\":\"ines\"}").statusCode())
			.isEqualTo(403);
		assertThat(http.post(task + "/assignee", clara(), "application/json", "{\"userId\":\"ines\"}").statusCode())
			.isEqualTo(403);
		assertThat(http.post(task + "/assignee", leo(), "application/json", "{\"userId\":\"dr-ada\"}").statusCode())
			.isEqualTo(403);
		// clara is staff, but not in the task's group.
		assertThat(http.post(task + "/assignee", leo(), "application/json", "{\"userId\":\"clara\"}").statusCode())
			.isEqualTo(403);
		assertThat(http.post(task + "/assignee", leo(), "application/json", "{\"userId\":\"radiology\"}").statusCode())
			.isEqualTo(403);
		assertThat(http.post(task + "/delegate", leo(), "application/json", "{\"userId\":\"dr-ada\"}").statusCode())
			.isEqualTo(403);
		assertThat(http
			.post(task + "/identity-links", leo(), "application/json", "{\"userId\":\"dr-ada\",\"type\":\"candidate\"}")
			.statusCode()).isEqualTo(403);
		assertThat(http
			.post(task + "/identity-links", leo(), "application/json",
					"{\"groupId\":\"physician\",\"type\":\"candidate\"}")
			.statusCode()).isEqualTo(403);
		assertThat(tasks.createTaskQuery().taskId(triage.getId()).singleResult().getAssignee()).isNull();
		assertThat(tasks.getIdentityLinksForTask(triage.getId()))
			.noneMatch(link -> "dr-ada".equals(link.getUserId()) || "physician".equals(link.getGroupId()));

		HttpResponse<String> toInes = http.post(task + "/assignee", leo(), "application/json", "{\"userId\":\"ines\"}");
		assertThat(toInes.statusCode()).as(toInes.body()).isEqualTo(204);
		assertThat(tasks.createTaskQuery().taskId(triage.getId()).singleResult().getAssignee()).isEqualTo("ines");
	}

	@Test
	void theActorIsTheSignedInCallerWhoCompletedTheTask() {
		String referral = submit();
		Task triage = openTask(referral, "triage");

		completed(triage, ingrid(), plain("triageOutcome", "ACCEPTED"));

		assertThat(history.createHistoricVariableInstanceQuery()
			.processInstanceId(triage.getProcessInstanceId())
			.variableName("triagedBy")
			.singleResult()
			.getValue()).isEqualTo("ingrid");
		assertThat(history.createUserOperationLogQuery()
			.taskId(triage.getId())
			.operationType("Complete")
			.singleResult()
			.getUserId()).isEqualTo("ingrid");
	}

	@Test
	void aTaskGivenToSomeoneIsTheirsToCompleteAndGiveBack() {
		Task triage = openTask(submit(), "triage");
		String task = "/engine-rest/task/" + triage.getId();
		String ines = TestTokens.user("ines", Roles.INTAKE_COORDINATORS);
		http.get("/engine-rest/task?maxResults=1", ines, "application/json");
		assertThat(http.post(task + "/assignee", leo(), "application/json", "{\"userId\":\"ines\"}").statusCode())
			.isEqualTo(204);

		HttpResponse<String> completedByIngrid = complete(triage, ingrid(), "/complete",
				typed(plain("triageOutcome", "ACCEPTED")));
		HttpResponse<String> resolvedByIngrid = http.post(task + "/resolve", ingrid(), "application/json", "{}");
		HttpResponse<String> takenByIngrid = http.post(task + "/unclaim", ingrid(), "application/json", "");
		HttpResponse<String> unassignedByIngrid = http.post(task + "/identity-links/delete", ingrid(),
				"application/json", "{\"userId\":\"ines\",\"type\":\"assignee\"}");

		assertThat(completedByIngrid.statusCode()).as(completedByIngrid.body()).isEqualTo(403);
		assertThat(resolvedByIngrid.statusCode()).as(resolvedByIngrid.body()).isEqualTo(403);
		assertThat(takenByIngrid.statusCode()).as(takenByIngrid.body()).isEqualTo(403);
		assertThat(unassignedByIngrid.statusCode()).as(unassignedByIngrid.body()).isEqualTo(403);
		assertThat(tasks.createTaskQuery().taskId(triage.getId()).singleResult().getAssignee()).isEqualTo("ines");

		completed(triage, ines, plain("triageOutcome", "ACCEPTED"));
		assertThat(tasks.createTaskQuery().taskId(triage.getId()).count()).isZero();
	}

	@Test
	void nobodyAddsOrRemovesACandidateGroupByHand() {
		Task triage = openTask(submit(), "triage");
		String links = "/engine-rest/task/" + triage.getId() + "/identity-links";

		HttpResponse<String> leadsAdded = http.post(links, leo(), "application/json",
				"{\"groupId\":\"clinic-leads\",\"type\":\"candidate\"}");
		HttpResponse<String> cliniciansAdded = http.post(links, leo(), "application/json",
				"{\"groupId\":\"clinicians\",\"type\":\"candidate\"}");
		HttpResponse<String> coordinatorsRemoved = http.post(links + "/delete", leo(), "application/json",
				"{\"groupId\":\"intake-coordinators\",\"type\":\"candidate\"}");

		assertThat(leadsAdded.statusCode()).as(leadsAdded.body()).isEqualTo(403);
		assertThat(cliniciansAdded.statusCode()).as(cliniciansAdded.body()).isEqualTo(403);
		assertThat(coordinatorsRemoved.statusCode()).as(coordinatorsRemoved.body()).isEqualTo(403);
		assertThat(tasks.getIdentityLinksForTask(triage.getId()))
			.filteredOn(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.extracting(IdentityLink::getGroupId)
			.containsExactly("intake-coordinators");
	}

	// --- helpers

	String submit() {
		String referral = Referrals.newReferralId();
		Referrals.submit(referral);
		openTask(referral, "triage");
		return referral;
	}

	Task openTask(String referral, String key) {
		return await().atMost(TIMEOUT)
			.until(() -> tasks.createTaskQuery()
				.processInstanceBusinessKey(referral)
				.taskDefinitionKey(key)
				.singleResult(), task -> task != null);
	}

	void refused(Task task, String bearer, Map<String, Object> variables, String named) {
		refusedRaw(task, bearer, "/complete", typed(variables), named);
	}

	void refusedRaw(Task task, String bearer, String endpoint, Map<String, Object> variables, String named) {
		Map<String, Object> before = runtime.getVariables(task.getProcessInstanceId());
		HttpResponse<String> response = complete(task, bearer, endpoint, variables);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.body()).contains(named);
		assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("task still open").isOne();
		assertThat(runtime.getVariables(task.getProcessInstanceId())).as("nothing changed").isEqualTo(before);
	}

	void completed(Task task, String bearer, Map<String, Object> variables) {
		HttpResponse<String> response = complete(task, bearer, "/complete", typed(variables));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
	}

	HttpResponse<String> complete(Task task, String bearer, String endpoint, Map<String, Object> variables) {
		try {
			return http.post("/engine-rest/task/" + task.getId() + endpoint, bearer, "application/json",
					JSON.writeValueAsString(Map.of("variables", variables)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Refused by the guard itself, before Camunda's own authorization check could give a
	 * 403 that would pass with or without it.
	 */
	static void assertRefused(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.body()).contains("Refused:");
	}

	static Map<String, Object> plain(Object... namesAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			map.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return map;
	}

	static Map<String, Object> with(Map<String, Object> variables, String name, Object value) {
		Map<String, Object> map = new LinkedHashMap<>(variables);
		map.put(name, value);
		return map;
	}

	static Map<String, Object> typed(Map<String, Object> variables) {
		return ReferralProcessScenarios.typed(variables);
	}

	static Map<String, Object> history() {
		return ReferralProcessScenarios.history(4);
	}

	static Map<String, Object> exam() {
		return ReferralProcessScenarios.exam(false);
	}

	static Map<String, Object> course() {
		return plain("sessions", 4, "intervalWeeks", 4, "dextrosePercent", 15.0, "injectionSites", "MCL");
	}

}
