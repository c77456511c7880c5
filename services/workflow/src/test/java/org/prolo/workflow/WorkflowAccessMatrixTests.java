package org.prolo.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.TestTokens;
import org.prolo.platform.testing.SharedBrokerSignIn;
import org.prolo.workflow.access.AdministratorGroups;
import org.prolo.workflow.access.GroupAuthorizations;
import org.prolo.workflow.inspection.Referrals;
import org.prolo.workflow.lifecycle.ReferralToAssess;
import org.prolo.workflow.tasklist.StaffTaskLists;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Every endpoint of the workflow service against every kind of caller, on the running
 * service with the production filter chains, Camunda's authentication filters and the
 * engine's authorizations: what each gets back is the whole of the access rules. Then
 * what the engine's authorizations do inside the engine REST API: each group sees its own
 * tasks, a physician none.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:workflow-${random.uuid};DB_CLOSE_DELAY=-1")
@Import({ TestTokens.Decoder.class, SharedBrokerSignIn.class })
@AutoConfigureObservability(tracing = false)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkflowAccessMatrixTests {

	static final Duration TIMEOUT = Duration.ofSeconds(60);

	static final ObjectMapper JSON = new ObjectMapper();

	static final String HTML = "text/html,application/xhtml+xml";

	/** Who calls; tokens are signed when the request is made, so none expires. */
	enum Caller {

		ANONYMOUS(() -> null), PHYSICIAN(() -> TestTokens.physician("dr-ada")),
		INTAKE(() -> TestTokens.user("ingrid", Roles.INTAKE_COORDINATORS)),
		CLINICAL(() -> TestTokens.user("carl", Roles.CLINICAL_COORDINATORS)),
		CLINICIAN(() -> TestTokens.user("clara", Roles.CLINICIANS)),
		LEAD(() -> TestTokens.user("leo", Roles.CLINIC_LEADS)),
		WORKFLOW_ADMIN(() -> TestTokens.user("wanda", AdministratorGroups.WORKFLOW_ADMINS)),
		// Camunda's built-in admin group is nobody's administrator outside the demo
		// profile.
		CAMUNDA_ADMIN_GROUP(() -> TestTokens.user("demo", Roles.CAMUNDA_ADMIN)),
		METRICS_CLIENT(() -> TestTokens.client("prometheus", Roles.METRICS_READ)),
		EXPIRED(() -> TestTokens.expired("leo", Roles.CLINIC_LEADS)),
		FORGED(() -> TestTokens.forged("demo", Roles.CAMUNDA_ADMIN, Roles.CLINIC_LEADS));

		final Supplier<String> bearer;

		Caller(Supplier<String> bearer) {
			this.bearer = bearer;
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	GroupAuthorizations groupAuthorizations;

	@Autowired
	FilterService filters;

	WorkflowHttp http;

	/** A referral waiting at triage: its id, its task and the task's overdue timer. */
	String referralId;

	String processInstanceId;

	String triageTaskId;

	String timerJobId;

	@BeforeAll
	void referralAtTriage() {
		http = new WorkflowHttp(port);
		referralId = Referrals.newReferralId();
		Referrals.submit(referralId);
		Task triage = await().atMost(TIMEOUT)
			.until(() -> tasks.createTaskQuery()
				.processInstanceBusinessKey(referralId)
				.taskDefinitionKey("triage")
				.singleResult(), task -> task != null);
		triageTaskId = triage.getId();
		processInstanceId = triage.getProcessInstanceId();
		timerJobId = management.createJobQuery().processInstanceId(processInstanceId).timers().singleResult().getId();
	}

	/**
	 * One row per endpoint: the status each caller gets, in the order of {@link Caller}.
	 * 400, 404 and 409 mean "let through, then refused for what was asked", which is how
	 * the matrix tells access from effect without changing anything; the engine answers
	 * 404 for a process its caller may not even read.
	 */
	Stream<Arguments> matrix() {
		List<Arguments> cases = new ArrayList<>();
		//@formatter:off
		//                                                      anon dr-ada ingrid carl clara leo  admin c-admin client expired forged
		row(cases, "GET engine-rest task list",                 401, 200,   200,   200, 200,  200, 200,  200,    200,   401,    401);
		row(cases, "POST engine-rest complete triage (no input)",401, 403,   400,   403, 403,  403, 400,  403,    403,   401,    401);
		row(cases, "POST engine-rest start a process",          401, 404,   403,   403, 403,  403, 200,  404,    404,   401,    401);
		row(cases, "GET engine-rest process variables",         401, 403,   403,   403, 403,  403, 200,  403,    403,   401,    401);
		row(cases, "GET inspection",                            401, 403,   200,   200, 200,  200, 403,  403,    403,   401,    401);
		row(cases, "POST inspection retry (a timer)",           401, 403,   403,   403, 403,  409, 403,  403,    403,   401,    401);
		row(cases, "POST inspection replay (no such letter)",   401, 403,   403,   403, 403,  404, 403,  403,    403,   401,    401);
		row(cases, "GET overdue tasks",                         401, 403,   403,   403, 403,  200, 403,  403,    403,   401,    401);
		row(cases, "GET inspect.html",                          302, 403,   200,   200, 200,  200, 403,  403,    403,   401,    401);
		row(cases, "GET actuator prometheus",                   401, 403,   403,   403, 403,  200, 403,  403,    200,   401,    401);
		row(cases, "GET actuator deadletters",                  401, 403,   403,   403, 403,  200, 403,  403,    403,   401,    401);
		row(cases, "GET actuator health readiness",             200, 200,   200,   200, 200,  200, 200,  200,    200,   401,    401);
		row(cases, "GET Tasklist",                              302, 403,   200,   200, 200,  200, 200,  403,    403,   401,    401);
		row(cases, "POST webapps' login form",                  401, 403,   403,   403, 403,  403, 403,  403,    403,   401,    401);
		row(cases, "GET sign-out page",                         302, 200,   200,   200, 200,  200, 200,  200,    200,   401,    401);
		//@formatter:on
		return cases.stream();
	}

	static void row(List<Arguments> cases, String endpoint, int... statuses) {
		Caller[] callers = Caller.values();
		assertThat(statuses).hasSize(callers.length);
		for (int i = 0; i < callers.length; i++) {
			cases.add(Arguments.of(endpoint, callers[i], statuses[i]));
		}
	}

	@ParameterizedTest(name = "{0} as {1}: {2}")
	@MethodSource("matrix")
	void answersEachCallerAsTheAccessRulesSay(String endpoint, Caller caller, int expected) {
		HttpResponse<String> response = call(endpoint, caller.bearer.get());

		assertThat(response.statusCode()).as("%s as %s: %s", endpoint, caller, response.body()).isEqualTo(expected);
		if (expected == 401 || (expected == 403 && !endpoint.contains("engine-rest"))) {
			assertThat(response.headers().firstValue("Content-Type")).as(response.body())
				.hasValue("application/problem+json");
		}
		if (expected == 302) {
			assertThat(response.headers().firstValue("Location"))
				.hasValueSatisfying(location -> assertThat(location).endsWith("/oauth2/authorization/prolo"));
		}
	}

	HttpResponse<String> call(String endpoint, String bearer) {
		String inspection = "/api/referrals/" + referralId + "/inspection";
		return switch (endpoint) {
			case "GET engine-rest task list" -> http.get("/engine-rest/task", bearer, "application/json");
			case "POST engine-rest complete triage (no input)" ->
				http.post("/engine-rest/task/" + triageTaskId + "/complete", bearer, "application/json",
						"{\"variables\":{}}");
			case "POST engine-rest start a process" ->
				http.post("/engine-rest/process-definition/key/prolotherapy-referral/start", bearer, "application/json",
						startRequest());
			case "GET engine-rest process variables" -> http
				.get("/engine-rest/process-instance/" + processInstanceId + "/variables", bearer, "application/json");
			case "GET inspection" -> http.get(inspection, bearer, "application/json");
			case "POST inspection retry (a timer)" ->
				http.post(inspection + "/jobs/" + timerJobId + "/retry", bearer, "application/json", "");
			case "POST inspection replay (no such letter)" ->
				http.post(inspection + "/dead-letters/intake.referral-events.DLT/0/999999/replay", bearer,
						"application/json", "");
			case "GET overdue tasks" -> http.get("/api/overdue-tasks", bearer, "application/json");
			case "GET inspect.html" -> http.get("/inspect.html?referral=" + referralId, bearer, HTML);
			case "GET actuator prometheus" -> http.get("/actuator/prometheus", bearer, "text/plain");
			case "GET actuator deadletters" -> http.get("/actuator/deadletters", bearer, "application/json");
			case "GET actuator health readiness" -> http.get("/actuator/health/readiness", bearer, "application/json");
			case "GET Tasklist" -> http.get("/camunda/app/tasklist/default/", bearer, HTML);
			case "POST webapps' login form" -> http.post("/camunda/api/admin/auth/user/default/login/tasklist", bearer,
					"application/x-www-form-urlencoded", "username=demo&password=demo");
			case "GET sign-out page" -> http.get("/signout", bearer, HTML);
			default -> throw new IllegalArgumentException(endpoint);
		};
	}

	/** A start over the API as a process administrator could make it. */
	static String startRequest() {
		String referral = Referrals.newReferralId();
		Map<String, Object> variables = new ReferralToAssess(referral, "pat-matrix", "dr-ada", "NECK_PAIN", "neck", 6,
				true, false, false, false, false, false, false, "ROUTINE")
			.processVariables();
		try {
			return JSON.writeValueAsString(
					Map.of("businessKey", referral, "variables", ReferralProcessScenarios.typed(variables)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void eachGroupSeesItsOwnTasksOverTheEngineRestApiAndAPhysicianNone() {
		String historyReferral = referralAtRecordHistory();

		List<Map<String, Object>> ingrids = taskList(Caller.INTAKE);
		List<Map<String, Object>> carls = taskList(Caller.CLINICAL);

		assertThat(ingrids).extracting(task -> task.get("id")).contains(triageTaskId);
		assertThat(ingrids).extracting(task -> task.get("taskDefinitionKey")).containsOnly("triage");
		assertThat(carls).extracting(task -> task.get("processInstanceId"))
			.contains(processOf(historyReferral))
			.doesNotContain(processInstanceId);
		assertThat(carls).extracting(task -> task.get("taskDefinitionKey"))
			.isNotEmpty()
			.isSubsetOf("record-history", "chase-imaging");
		assertThat(taskList(Caller.PHYSICIAN)).isEmpty();
		assertThat(taskList(Caller.METRICS_CLIENT)).isEmpty();
		// An administrator sees both.
		assertThat(taskList(Caller.WORKFLOW_ADMIN)).extracting(task -> task.get("processInstanceId"))
			.contains(processInstanceId, processOf(historyReferral));
	}

	@Test
	void givesTasksFromBeforeAuthorizationsTheirPermissionsOnce() {
		String older = Referrals.newReferralId();
		Referrals.submit(older);
		Task task = await().atMost(TIMEOUT)
			.until(() -> tasks.createTaskQuery().processInstanceBusinessKey(older).singleResult(),
					found -> found != null);
		// As if the task had been created while authorizations were off, and claimed.
		authorizations.createAuthorizationQuery()
			.resourceType(Resources.TASK)
			.resourceId(task.getId())
			.list()
			.forEach(authorization -> authorizations.deleteAuthorization(authorization.getId()));
		tasks.setAssignee(task.getId(), "ingrid");
		authorizations.createAuthorizationQuery()
			.resourceType(Resources.TASK)
			.resourceId(task.getId())
			.list()
			.forEach(authorization -> authorizations.deleteAuthorization(authorization.getId()));
		management.deleteProperty(GroupAuthorizations.TASKS_BACKFILLED);

		groupAuthorizations.run(null);
		long granted = authorizations.createAuthorizationQuery().resourceId(task.getId()).count();
		groupAuthorizations.run(null);

		assertThat(taskList(Caller.INTAKE)).extracting(listed -> listed.get("id")).contains(task.getId());
		assertThat(authorizations.createAuthorizationQuery()
			.userIdIn("ingrid")
			.resourceType(Resources.TASK)
			.resourceId(task.getId())
			.singleResult()
			.getPermissions(Permissions.values())).contains(Permissions.READ, Permissions.TASK_WORK)
			.doesNotContain(Permissions.UPDATE, Permissions.ALL);
		assertThat(authorizations.createAuthorizationQuery().resourceId(task.getId()).count()).isEqualTo(granted);
		assertThat(management.getProperties()).containsKey(GroupAuthorizations.TASKS_BACKFILLED);
		tasks.setAssignee(task.getId(), null);
	}

	@Test
	void aCandidateGroupHoldsItsTaskPermissionsOnTheProcessNotOnEachTask() {
		// A row as the engine wrote one per task before the grant moved to the process.
		var row = authorizations
			.createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
		row.setGroupId(Roles.INTAKE_COORDINATORS);
		row.setResource(Resources.TASK);
		row.setResourceId(triageTaskId);
		row.addPermission(Permissions.READ);
		authorizations.saveAuthorization(row);
		management.deleteProperty(GroupAuthorizations.GROUP_TASK_ROWS_REMOVED);

		groupAuthorizations.run(null);

		assertThat(authorizations.createAuthorizationQuery()
			.resourceType(Resources.TASK)
			.groupIdIn(Roles.STAFF.toArray(String[]::new))
			.list()).extracting(authorization -> authorization.getResourceId())
			.containsOnly(org.camunda.bpm.engine.authorization.Authorization.ANY);
		assertThat(authorizations.createAuthorizationQuery()
			.groupIdIn(Roles.INTAKE_COORDINATORS)
			.resourceType(Resources.PROCESS_DEFINITION)
			.resourceId("prolotherapy-referral")
			.singleResult()
			.getPermissions(Permissions.values()))
			.contains(Permissions.READ, Permissions.READ_TASK, Permissions.TASK_WORK)
			.doesNotContain(Permissions.UPDATE, Permissions.UPDATE_TASK, Permissions.CREATE_INSTANCE, Permissions.ALL);
		assertThat(taskList(Caller.INTAKE)).extracting(listed -> listed.get("id")).contains(triageTaskId);
	}

	@Test
	void aStaffMemberOpensOnlyTheTasksOfTheirGroups() {
		String task = "/engine-rest/task/" + triageTaskId;
		String clara = Caller.CLINICIAN.bearer.get();

		assertThat(http.get(task, clara, "application/json").statusCode()).isEqualTo(404);
		assertThat(http.get(task + "/variables", clara, "application/json").statusCode()).isEqualTo(403);
		assertThat(http.get(task + "/form-variables", clara, "application/json").statusCode()).isEqualTo(403);
		assertThat(http.post(task + "/claim", clara, "application/json", "{\"userId\":\"clara\"}").statusCode())
			.isEqualTo(403);
		// A lead reaches a task only once it is overdue (escalated to clinic-leads).
		assertThat(http.get(task + "/variables", Caller.LEAD.bearer.get(), "application/json").statusCode())
			.isEqualTo(403);
		assertThat(http.get(task + "/variables", Caller.INTAKE.bearer.get(), "application/json").statusCode())
			.isEqualTo(200);
		assertThat(http.get(task, Caller.INTAKE.bearer.get(), "application/json").statusCode()).isEqualTo(200);
	}

	@Test
	void staffStartNoProcessAndCreateNoTask() {
		for (Caller caller : List.of(Caller.INTAKE, Caller.CLINICAL, Caller.CLINICIAN, Caller.LEAD)) {
			HttpResponse<String> created = http.post("/engine-rest/task/create", caller.bearer.get(),
					"application/json", "{\"id\":\"standalone-" + caller.name().toLowerCase() + "\",\"name\":\"x\"}");
			assertThat(created.statusCode()).as("%s: %s", caller, created.body()).isEqualTo(403);
		}
		assertThat(tasks.createTaskQuery().taskName("x").count()).isZero();
	}

	@Test
	void eachGroupsFilterListsItsTasksWithTheirReferralContext() throws Exception {
		String intake = filters.createFilterQuery()
			.filterName(StaffTaskLists.FILTERS.get(Roles.INTAKE_COORDINATORS))
			.singleResult()
			.getId();
		String path = "/engine-rest/filter/" + intake + "/list?maxResults=1000";

		Map<String, Object> ingrids = JSON.readValue(
				http.get(path, Caller.INTAKE.bearer.get(), "application/hal+json").body(), new TypeReference<>() {
				});
		Map<String, Object> carls = JSON.readValue(
				http.get(path, Caller.CLINICAL.bearer.get(), "application/hal+json").body(), new TypeReference<>() {
				});

		Map<String, Object> triage = embedded(ingrids, "task").stream()
			.filter(task -> triageTaskId.equals(task.get("id")))
			.findFirst()
			.orElseThrow();
		assertThat(embedded(triage, "variable")).extracting(variable -> variable.get("name"))
			.contains("patientPseudonym", "condition", "bodySite", "urgency")
			.doesNotContain("referrerId", "anticoagulated");
		// Another group's filter lists none of that group's tasks, nor their context.
		assertThat(embedded(carls, "task")).extracting(task -> task.get("id")).doesNotContain(triageTaskId);
		HttpResponse<String> variables = http.get(
				"/engine-rest/variable-instance?processInstanceIdIn=" + processInstanceId, Caller.CLINICAL.bearer.get(),
				"application/json");
		assertThat(JSON.readValue(variables.body(), List.class)).isEmpty();
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> embedded(Map<String, Object> hal, String name) {
		Map<String, Object> embedded = (Map<String, Object>) hal.get("_embedded");
		return (embedded != null && embedded.get(name) != null) ? (List<Map<String, Object>>) embedded.get(name)
				: List.of();
	}

	@Test
	void tasklistsOwnApiShowsTheSameTasksAsTheEngineRestApi() throws Exception {
		HttpResponse<String> response = http.get("/camunda/api/engine/engine/default/task", Caller.INTAKE.bearer.get(),
				"application/json");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<Map<String, Object>> listed = JSON.readValue(response.body(), new TypeReference<>() {
		});
		assertThat(listed).extracting(task -> task.get("id")).contains(triageTaskId);
		assertThat(listed).extracting(task -> task.get("taskDefinitionKey")).containsOnly("triage");
	}

	@Test
	void theWebappsSendCamundasOwnSecurityHeadersAndNoSecondPolicy() {
		HttpResponse<String> tasklist = http.get("/camunda/app/tasklist/default/", Caller.INTAKE.bearer.get(), HTML);
		HttpResponse<String> page = http.get("/inspect.html", Caller.INTAKE.bearer.get(), HTML);

		assertThat(tasklist.statusCode()).isEqualTo(200);
		// Camunda's policy (nonces, strict-dynamic for its scripts) and only that one.
		assertThat(tasklist.headers().allValues("Content-Security-Policy")).singleElement()
			.satisfies(policy -> assertThat(policy).contains("strict-dynamic"));
		assertThat(tasklist.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(tasklist.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
		// The service's own pages keep the shared policy.
		assertThat(page.headers().allValues("Content-Security-Policy")).singleElement()
			.satisfies(policy -> assertThat(policy).startsWith("default-src 'self'"));
	}

	@Test
	void theEngineRestApiOpensNoSession() {
		HttpResponse<String> response = http.get("/engine-rest/task", Caller.INTAKE.bearer.get(), "application/json");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
	}

	List<Map<String, Object>> taskList(Caller caller) {
		HttpResponse<String> response = http.get("/engine-rest/task?maxResults=1000", caller.bearer.get(),
				"application/json");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		try {
			return JSON.readValue(response.body(), new TypeReference<>() {
			});
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A second referral, triaged over the engine REST API by ingrid. */
	String referralAtRecordHistory() {
		String other = Referrals.newReferralId();
		Referrals.submit(other);
		Task triage = await().atMost(TIMEOUT)
			.until(() -> tasks.createTaskQuery().processInstanceBusinessKey(other).singleResult(),
					task -> task != null);
		HttpResponse<String> completed = http.post("/engine-rest/task/" + triage.getId() + "/complete",
				Caller.INTAKE.bearer.get(), "application/json",
				"{\"variables\":{\"triageOutcome\":{\"value\":\"ACCEPTED\",\"type\":\"String\"}}}");
		assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
		await().atMost(TIMEOUT)
			.until(() -> tasks.createTaskQuery()
				.processInstanceBusinessKey(other)
				.taskDefinitionKey("record-history")
				.count() == 1);
		return other;
	}

	String processOf(String businessKey) {
		return tasks.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult().getProcessInstanceId();
	}

}
