package org.prolo.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.prolo.launcher.DemoTokens;

/**
 * 4. Each staff group's Tasklist with 100,000 open tasks: seeded through the engine's
 * Java API on the workflow's own database (an extra engine node, job executor off, many
 * instances per transaction), then each group's filter asked for a page and its count
 * through the engine REST API as Tasklist asks, by a member of the group and by
 * {@code demo} (an administrator, not checked by authorizations) in the same run.
 */
final class TaskListBenchmark {

	private static final String REST = "http://127.0.0.1:8080/engine-rest";

	/** The intake coordinator whose Tasklist is measured. */
	private static final String USER = "ingrid";

	private TaskListBenchmark() {
	}

	static void run(Path root, Args args) throws Exception {
		int target = args.integer("tasks", 100_000);
		int queries = args.integer("queries", 1000);
		if (args.flag("engine-only")) {
			engineOnly(root, args, target, queries);
			return;
		}
		String database = "prolo_workflow";
		try (Stack stack = Stack.startOrAttach(root, args)) {
			seed(database, target, args.integer("seed-threads", 4), args.integer("batch", 250),
					args.integer("engine-seed", target));
			if (args.flag("show-sql")) {
				showSql(database);
			}
			if (args.flag("analyze")) {
				analyze(database);
			}
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			DemoTokens tokens = stack.tokens();
			System.out.printf("# %d queries of each after 50 unreported ones, one at a time%n", queries);
			List<String> rows = new ArrayList<>();
			// The plain REST list of earlier runs, as ingrid, for comparison.
			Supplier<HttpRequest> restList = () -> HttpRequest
				.newBuilder(URI.create(REST + "/task?candidateGroup=intake-coordinators&firstResult=0&maxResults=15"
						+ "&sortBy=created&sortOrder=desc"))
				.header("Accept", "application/json")
				.header("Authorization", tokens.bearer(USER))
				.build();
			rows.add(row("ingrid: engine REST GET /task?candidateGroup=intake-coordinators&maxResults=15, created desc",
					time(http, queries, restList)));
			// Tasklist's shape for each group's filter: a page of 15 with the referral
			// context (HAL, variables embedded) and the filter's count, as the group's
			// member and as demo (an administrator, whom the engine does not check).
			for (Map.Entry<String, String> member : MEMBERS.entrySet()) {
				String group = member.getValue();
				String filterId = filterId(http, tokens, FILTERS.get(group));
				for (String user : List.of(member.getKey(), "demo")) {
					Supplier<HttpRequest> page = () -> filterRequest(
							"/filter/" + filterId + "/list?firstResult=0&maxResults=15", "application/hal+json",
							tokens.bearer(user));
					Supplier<HttpRequest> count = () -> filterRequest("/filter/" + filterId + "/count",
							"application/json", tokens.bearer(user));
					String counted = send(http, count.get());
					rows.add(row(String.format("%s: filter \"%s\" page + count (count %s)", user, FILTERS.get(group),
							counted.replaceAll("[^0-9]", "")), time(http, queries, page, count)));
				}
			}
			System.out.println();
			System.out.printf("| query (%,d open tasks; %s) | p50 ms | p95 ms | p99 ms | max ms |%n",
					openTasks(database), tasksByGroup(database));
			System.out.println("|---|---:|---:|---:|---:|");
			rows.forEach(System.out::println);
			System.out
				.println("Tasklist and clients use the engine REST API; every call runs as the signed-in person.");
			System.out
				.println("Target: a staff member's page + count p50 < 50 ms, p99 < 100 ms at 100,000 open tasks.");
		}
	}

	/** A member of each staff group, signed in at the demo identity service. */
	private static final Map<String, String> MEMBERS = orderedMap("ingrid", "intake-coordinators", "carl",
			"clinical-coordinators", "clara", "clinicians", "leo", "clinic-leads");

	/**
	 * The workflow's Tasklist filter of each staff group (org.prolo.workflow.tasklist).
	 */
	private static final Map<String, String> FILTERS = orderedMap("intake-coordinators", "Intake: triage",
			"clinical-coordinators", "Clinical coordination", "clinicians", "Clinicians", "clinic-leads",
			"Clinic leads: overdue");

	private static Map<String, String> orderedMap(String... pairs) {
		Map<String, String> map = new java.util.LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

	private static HttpRequest filterRequest(String path, String accept, String bearer) {
		return HttpRequest.newBuilder(URI.create(REST + path))
			.header("Content-Type", "application/json")
			.header("Accept", accept)
			.header("Authorization", bearer)
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build();
	}

	private static String filterId(HttpClient http, DemoTokens tokens, String name) throws Exception {
		String body = send(http, HttpRequest
			.newBuilder(URI.create(REST + "/filter?name=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)))
			.header("Accept", "application/json")
			.header("Authorization", tokens.bearer("demo"))
			.build());
		var matcher = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
		if (!matcher.find()) {
			throw new IllegalStateException("No Tasklist filter named " + name + ": " + body);
		}
		return matcher.group(1);
	}

	private static String send(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(
					request.uri() + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	/**
	 * Without the stack: the same tasks in a database of their own (the bare engine's
	 * schema and deployment), queried through the engine's Java API as ingrid - the
	 * engine and PostgreSQL without HTTP, JSON, tokens and the service around them.
	 */
	private static void engineOnly(Path root, Args args, int target, int queries) throws Exception {
		String database = args.text("database", "prolo_bench_tasks");
		if (!args.flag("keep")) {
			BareEngine.onFreshDatabase(database, root.resolve("bpmn"), 2, "full").close();
		}
		workflowIndexes(root, database);
		seed(database, target, args.integer("seed-threads", 4), args.integer("batch", 250),
				args.integer("engine-seed", target));
		if (args.flag("analyze")) {
			analyze(database);
		}
		try (BareEngine node = BareEngine.joining(database, 2)) {
			var engine = node.engine();
			grantStaffGroups(engine.getAuthorizationService());
			var tasks = engine.getTaskService();
			List<String> rows = new ArrayList<>();
			for (Map.Entry<String, String> member : MEMBERS.entrySet()) {
				String user = member.getKey();
				String group = member.getValue();
				// The SQL the workflow runs for the group's filter: its query, and for a
				// person the or-block StaffTaskScope adds; demo (an administrator) runs
				// it without authorization checks or the block.
				Supplier<TaskQuery> filter = () -> tasks.createTaskQuery()
					.taskCandidateGroup(group)
					.includeAssignedTasks()
					.orderByTaskPriority()
					.desc()
					.orderByDueDate()
					.asc();
				LatencyHistogram asMember = new LatencyHistogram();
				LatencyHistogram asDemo = new LatencyHistogram();
				long[] counts = new long[2];
				for (int i = -50; i < queries; i++) {
					engine.getIdentityService().setAuthentication(user, List.of(group));
					long started = System.nanoTime();
					TaskQuery query = filter.get();
					query.listPage(0, 15);
					counts[0] = query.count();
					long middle = System.nanoTime();
					engine.getIdentityService().clearAuthentication();
					TaskQuery unchecked = filter.get();
					unchecked.listPage(0, 15);
					counts[1] = unchecked.count();
					long ended = System.nanoTime();
					if (i >= 0) {
						asMember.recordNanos(middle - started);
						asDemo.recordNanos(ended - middle);
					}
				}
				rows.add(row(String.format("%s (%s): page + count, count %,d", user, group, counts[0]), asMember));
				rows.add(row(String.format("demo, unchecked: the same filter, count %,d", counts[1]), asDemo));
			}
			System.out.println();
			System.out.printf(
					"| Java API, filter's query as Tasklist runs it (%,d open tasks: %s; database %s) | p50 ms | p95 ms | p99 ms | max ms |%n",
					openTasks(database), tasksByGroup(database), database);
			System.out.println("|---|---:|---:|---:|---:|");
			rows.forEach(System.out::println);
		}
	}

	/** The workflow's PostgreSQL indexes for task lists (its Flyway migrations). */
	private static void workflowIndexes(Path root, String database) throws IOException, SQLException {
		Path migrations = root.resolve("services/workflow/src/main/resources/db/migration/postgresql");
		try (Connection connection = Postgres.connect(database);
				Statement sql = connection.createStatement();
				var files = java.nio.file.Files.list(migrations)) {
			for (Path file : files.filter(f -> f.getFileName().toString().contains("task_list")).sorted().toList()) {
				String text = java.nio.file.Files.readString(file).replaceAll("(?m)^--.*$", "").trim();
				sql.execute(text);
				System.out.println("# applied " + file.getFileName());
			}
		}
	}

	/** What GroupAuthorizations grants staff groups on the referral process. */
	private static void grantStaffGroups(AuthorizationService authorizations) {
		for (String group : MEMBERS.values()) {
			if (authorizations.createAuthorizationQuery()
				.groupIdIn(group)
				.resourceType(Resources.PROCESS_DEFINITION)
				.resourceId(BareEngine.PROCESS_KEY)
				.count() > 0) {
				continue;
			}
			Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			grant.setGroupId(group);
			grant.setResource(Resources.PROCESS_DEFINITION);
			grant.setResourceId(BareEngine.PROCESS_KEY);
			grant.addPermission(Permissions.READ);
			grant.addPermission(Permissions.READ_TASK);
			grant.addPermission(Permissions.TASK_WORK);
			authorizations.saveAuthorization(grant);
		}
	}

	private static String row(String name, LatencyHistogram latency) {
		return String.format("| %s | %.1f | %.1f | %.1f | %.1f |", name, latency.percentileMillis(50),
				latency.percentileMillis(95), latency.percentileMillis(99), latency.maxMillis());
	}

	/**
	 * Each request is built before its clock starts, with a token that is fresh then; a
	 * renewal (every few minutes) is never timed.
	 */
	@SafeVarargs
	private static LatencyHistogram time(HttpClient http, int queries, Supplier<HttpRequest>... builders)
			throws IOException, InterruptedException {
		LatencyHistogram latency = new LatencyHistogram();
		for (int i = -50; i < queries; i++) {
			List<HttpRequest> requests = new ArrayList<>();
			for (Supplier<HttpRequest> builder : builders) {
				requests.add(builder.get());
			}
			long started = System.nanoTime();
			for (HttpRequest request : requests) {
				HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 200) {
					throw new IllegalStateException(
							request.uri() + " answered " + response.statusCode() + ": " + response.body());
				}
			}
			if (i >= 0) {
				latency.recordNanos(System.nanoTime() - started);
			}
		}
		return latency;
	}

	static long openTasks(String database) throws SQLException {
		try (Connection connection = Postgres.connect(database);
				Statement sql = connection.createStatement();
				ResultSet rows = sql.executeQuery("select count(*) from act_ru_task")) {
			rows.next();
			return rows.getLong(1);
		}
	}

	/** Open tasks per candidate group, e.g. "intake-coordinators 50,000, ...". */
	static String tasksByGroup(String database) throws SQLException {
		List<String> counts = new ArrayList<>();
		try (Connection connection = Postgres.connect(database);
				Statement sql = connection.createStatement();
				ResultSet rows = sql.executeQuery("select group_id_, count(*) from act_ru_identitylink"
						+ " where type_ = 'candidate' and task_id_ is not null group by group_id_ order by 2 desc")) {
			while (rows.next()) {
				counts.add(String.format("%s %,d", rows.getString(1), rows.getLong(2)));
			}
		}
		return String.join(", ", counts);
	}

	/**
	 * Tops the open tasks up to {@code target}, spread over the stages as a clinic's
	 * would be: half waiting at triage (intake-coordinators), 30 % at record-history
	 * (clinical-coordinators), 20 % at physical-exam (clinicians); one in five urgent;
	 * one in fifty triage tasks overdue, escalated to clinic-leads as the overdue timer
	 * does. A second run on the same database seeds nothing. Then ANALYZE, as a server's
	 * autovacuum would after such a burst of new rows (autovacuum is off on these
	 * machines).
	 */
	private static void seed(String database, int target, int threads, int batch, int engineSeeded) throws Exception {
		long existing = openTasks(database);
		long missing = Math.min(target, engineSeeded) - existing;
		if (missing <= 0) {
			System.out.printf("# %,d open tasks already there; nothing to seed through the engine%n", existing);
		}
		else {
			seedMissing(database, missing, threads, batch);
		}
		if (target > openTasks(database)) {
			cloneTasks(database, target);
		}
		try (Connection connection = Postgres.connect(database); Statement sql = connection.createStatement()) {
			try (ResultSet autovacuum = sql.executeQuery("show autovacuum")) {
				autovacuum.next();
				System.out.printf(
						"# PostgreSQL autovacuum is %s here; VACUUM ANALYZE run as a server's autovacuum would after such a burst of inserts%n",
						autovacuum.getString(1));
			}
			sql.execute("vacuum analyze");
		}
	}

	/**
	 * Tops the open tasks up to {@code target} by copying the engine-seeded ones in SQL
	 * (task rows and their candidate links, new ids, same stage, group, priority, due
	 * date and process instance), then escalates one in fifty triage tasks to
	 * clinic-leads (a candidate link, as the overdue timer adds). Seeding through the
	 * engine runs at 30-50 instances per second on a loaded two-core machine; the lists
	 * only read these two tables (and the variables of a page's 15 tasks).
	 */
	private static void cloneTasks(String database, int target) throws SQLException {
		long started = System.nanoTime();
		try (Connection connection = Postgres.connect(database); Statement sql = connection.createStatement()) {
			sql.execute("create temp table seeded as select * from act_ru_task");
			sql.execute(
					"create temp table seeded_links as select * from act_ru_identitylink where task_id_ is not null");
			long open = openTasks(database);
			while (open < target) {
				long copies = target - open;
				sql.execute("create temp table copy as select * from seeded limit " + copies);
				sql.execute("create temp table ids as select id_ as old, gen_random_uuid()::text as new from copy");
				sql.execute("update copy set id_ = ids.new from ids where copy.id_ = ids.old");
				sql.execute("insert into act_ru_task select * from copy");
				sql.execute("insert into act_ru_identitylink (id_, rev_, group_id_, type_, user_id_, task_id_,"
						+ " proc_def_id_, tenant_id_) select gen_random_uuid()::text, 1, l.group_id_, l.type_,"
						+ " l.user_id_, ids.new, l.proc_def_id_, l.tenant_id_ from seeded_links l join ids on"
						+ " l.task_id_ = ids.old");
				sql.execute("drop table copy");
				sql.execute("drop table ids");
				open = openTasks(database);
			}
			sql.execute("insert into act_ru_identitylink (id_, rev_, group_id_, type_, task_id_) select"
					+ " gen_random_uuid()::text, 1, 'clinic-leads', 'candidate', t.id_ from act_ru_task t where"
					+ " t.task_def_key_ = 'triage' and abs(hashtext(t.id_)) % 25 = 0 and not exists (select 1 from"
					+ " act_ru_identitylink i where i.task_id_ = t.id_ and i.group_id_ = 'clinic-leads')");
		}
		System.out.printf("# copied tasks in SQL up to %,d open tasks in %.1f s%n", target,
				(System.nanoTime() - started) / 1e9);
	}

	private static void seedMissing(String database, long missing, int threads, int batch) throws Exception {
		System.out.printf("# seeding %,d open tasks (%d threads, %d instances per transaction)%n", missing, threads,
				batch);
		long started = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		String run = Long.toString(System.currentTimeMillis(), 36);
		try (BareEngine node = BareEngine.joining(database, threads + 1)) {
			ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) node.engine()
				.getProcessEngineConfiguration();
			var runtime = node.engine().getRuntimeService();
			var taskService = node.engine().getTaskService();
			AtomicInteger next = new AtomicInteger();
			List<String> overdue = java.util.Collections.synchronizedList(new ArrayList<>());
			List<Future<?>> work = new ArrayList<>();
			for (long from = 0; from < missing; from += batch) {
				int size = (int) Math.min(batch, missing - from);
				work.add(pool.submit(() -> configuration.getCommandExecutorTxRequired().execute(context -> {
					for (int i = 0; i < size; i++) {
						int n = next.incrementAndGet();
						String referralId = "S-" + run + "-" + n;
						Map<String, Object> variables = BareEngine.variables(referralId);
						variables.put("patientPseudonym", "P-" + run + "-" + n);
						variables.put("urgency", (n % 5 == 3) ? "URGENT" : "ROUTINE");
						int stage = n % 10;
						if (stage < 5) {
							var instance = runtime.startProcessInstanceByKey(BareEngine.PROCESS_KEY, referralId,
									variables);
							if (n % 50 == 1) {
								overdue.add(instance.getId());
							}
						}
						else {
							runtime.createProcessInstanceByKey(BareEngine.PROCESS_KEY)
								.businessKey(referralId)
								.setVariables(variables)
								.startBeforeActivity((stage < 8) ? "record-history" : "physical-exam")
								.execute();
						}
					}
					return null;
				})));
			}
			int done = 0;
			for (Future<?> future : work) {
				future.get();
				if (++done % 40 == 0) {
					System.out.printf("#   %,d seeded after %.0f s%n", (long) done * batch,
							(System.nanoTime() - started) / 1e9);
				}
			}
			// Once their tasks are committed: escalated as the overdue timer does.
			for (String instanceId : overdue) {
				String taskId = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
				taskService.addCandidateGroup(taskId, "clinic-leads");
				taskService.setVariableLocal(taskId, "overdue", true);
			}
		}
		finally {
			pool.shutdownNow();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("# seeded %,d open tasks in %.1f s (%.0f/s)%n", missing, seconds, missing / seconds);
	}

	/** Logs the SQL the engine generates for both query shapes (MyBatis at DEBUG). */
	private static void showSql(String database) {
		ch.qos.logback.classic.Logger mybatis = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
			.getLogger("org.camunda.bpm.engine.impl.persistence.entity.TaskEntity");
		mybatis.setLevel(ch.qos.logback.classic.Level.DEBUG);
		try (BareEngine node = BareEngine.joining(database, 2)) {
			var tasks = node.engine().getTaskService();
			tasks.createTaskQuery()
				.taskCandidateGroup("intake-coordinators")
				.orderByTaskCreateTime()
				.desc()
				.listPage(0, 15);
			tasks.createTaskQuery()
				.taskCandidateGroupIn(List.of("intake-coordinators"))
				.includeAssignedTasks()
				.orderByTaskCreateTime()
				.desc()
				.listPage(0, 15);
			tasks.createTaskQuery().taskCandidateGroupIn(List.of("intake-coordinators")).includeAssignedTasks().count();
		}
		mybatis.setLevel(ch.qos.logback.classic.Level.WARN);
	}

	/**
	 * EXPLAIN ANALYZE of the SQL the engine runs for the two queries (captured from its
	 * MyBatis log).
	 */
	private static void analyze(String database) throws IOException, SQLException {
		String statements;
		try (InputStream in = TaskListBenchmark.class.getResourceAsStream("/tasklist-queries.sql")) {
			statements = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		// Once as a session with the server's defaults, once with the planner setting the
		// workflow's postgres profile gives its connections (application-postgres.yml).
		for (String setting : List.of("", "set random_page_cost = 1.1")) {
			explain(database, statements, setting);
		}
	}

	private static void explain(String database, String statements, String setting) throws SQLException {
		try (Connection connection = Postgres.connect(database); Statement sql = connection.createStatement()) {
			if (!setting.isEmpty()) {
				sql.execute(setting);
			}
			System.out.println("-- session: " + (setting.isEmpty() ? "server defaults" : setting));
			for (String statement : statements.split(";")) {
				String trimmed = statement.replaceAll("(?m)^--.*$", "").trim();
				if (trimmed.isEmpty()) {
					continue;
				}
				System.out.println("EXPLAIN (ANALYZE, BUFFERS) " + trimmed);
				try (ResultSet plan = sql.executeQuery("explain (analyze, buffers) " + trimmed)) {
					while (plan.next()) {
						System.out.println("    " + plan.getString(1));
					}
				}
			}
		}
	}

}
