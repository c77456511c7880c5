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

	private TaskListBenchmark() {
	}

	static void run(Path root, Args args) throws Exception {
		int target = args.integer("tasks", 100_000);
		int queries = args.integer("queries", 1000);
		warmup = args.integer("warmup", 50);
		if (args.flag("engine-only")) {
			engineOnly(root, args, target, queries);
			return;
		}
		String database = "prolo_workflow";
		WorkflowClasses workflow = WorkflowClasses.of(root);
		try (Stack stack = Stack.startOrAttach(root, args)) {
			seed(workflow, database, target, args.integer("seed-threads", 4), args.integer("batch", 250),
					args.integer("engine-seed", ENGINE_SEED));
			if (args.flag("show-sql")) {
				showSql(workflow, database, workflowSession(root), false);
			}
			if (args.flag("analyze")) {
				analyze(database, workflowSession(root));
			}
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			DemoTokens tokens = stack.tokens();
			List<Timed> rows = new ArrayList<>();
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
					long counted = Long.parseLong(send(http, count.get()).replaceAll("[^0-9]", ""));
					String name = user.equals("demo")
							? String.format("demo (administrator, unchecked): filter \"%s\"", FILTERS.get(group))
							: String.format("%s (%s): filter \"%s\"", user, group, FILTERS.get(group));
					rows.add(time(http, queries, name, counted, page, count));
				}
			}
			printTable(String.format(
					"REST, POST /filter/{id}/list (page of 15, HAL) + /filter/{id}/count; %,d open tasks: %s",
					openTasks(database), tasksByGroup(database)), rows, queries);
			System.out
				.println("Tasklist and clients use the engine REST API; every call runs as the signed-in person.");
		}
	}

	/**
	 * Instances seeded through the engine by default; the rest of the open tasks are
	 * copies in SQL (see cloneTasks).
	 */
	private static final int ENGINE_SEED = 5_000;

	/** Unreported queries of each before the timed ones. */
	private static int warmup = 50;

	/** What the seeding did, for the result table's notes. */
	private static final List<String> NOTES = new ArrayList<>();

	private static void note(String line) {
		System.out.println("# " + line);
		NOTES.add(line);
	}

	/** One row of a result table: page + count, and each part alone. */
	private record Timed(String name, long count, LatencyHistogram total, LatencyHistogram page,
			LatencyHistogram counting) {

		Timed(String name) {
			this(name, 0, new LatencyHistogram(), new LatencyHistogram(), new LatencyHistogram());
		}

		Timed counted(long tasks) {
			return new Timed(name, tasks, total, page, counting);
		}

		void record(long started, long paged, long ended) {
			page.recordNanos(paged - started);
			counting.recordNanos(ended - paged);
			total.recordNanos(ended - started);
		}

	}

	/**
	 * The result table as docs/benchmarks.md shows it, with the conditions it was taken
	 * in.
	 */
	private static void printTable(String title, List<Timed> rows, int queries) {
		System.out.println();
		System.out.printf(
				"| %s | count | page + count p50 ms | p95 ms | p99 ms | max ms | page p50 / p99 ms | count p50 / p99 ms |%n",
				title);
		System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
		for (Timed row : rows) {
			System.out.printf("| %s | %,d | %.1f | %.1f | %.1f | %.1f | %.1f / %.1f | %.1f / %.1f |%n", row.name(),
					row.count(), row.total().percentileMillis(50), row.total().percentileMillis(95),
					row.total().percentileMillis(99), row.total().maxMillis(), row.page().percentileMillis(50),
					row.page().percentileMillis(99), row.counting().percentileMillis(50),
					row.counting().percentileMillis(99));
		}
		System.out.println();
		System.out.printf(
				"%,d queries of each after %d unreported ones, one at a time. "
						+ "Load average (1/5/15 min) at the start %s, at the end %s.%n",
				queries, warmup, Machine.loadAtStart(), Machine.loadAverage());
		NOTES.forEach(System.out::println);
		System.out.println("Target: a staff member's page + count p50 < 50 ms, p99 < 100 ms at 100,000 open tasks.");
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
	 * schema and deployment, the workflow's task-list indexes), each group's filter query
	 * run through the engine's Java API as its member and as demo, on connections with
	 * the workflow's session settings: the engine and PostgreSQL without HTTP, JSON,
	 * tokens and the service around them. The member's queries go through the workflow's
	 * own TaskAccessPlugin ({@link WorkflowClasses}), as in the service.
	 */
	private static void engineOnly(Path root, Args args, int target, int queries) throws Exception {
		String database = args.text("database", "prolo_bench_tasks");
		boolean groupFilters = args.text("filters", "stages").equals("candidate-groups");
		WorkflowClasses workflow = WorkflowClasses.of(root);
		if (!args.flag("keep")) {
			BareEngine.onFreshDatabase(database, root.resolve("bpmn"), 2, "full").close();
		}
		workflowIndexes(root, database, args.text("without", ""));
		seed(workflow, database, target, args.integer("seed-threads", 4), args.integer("batch", 250),
				args.integer("engine-seed", ENGINE_SEED));
		String session = workflowSession(root);
		if (args.flag("show-sql")) {
			showSql(workflow, database, session, groupFilters);
		}
		if (args.flag("analyze")) {
			analyze(database, session);
		}
		try (BareEngine node = BareEngine.joining(database, 2, session, List.of(workflow.taskAccess()))) {
			var engine = node.engine();
			grantStaffGroups(engine.getAuthorizationService());
			var tasks = engine.getTaskService();
			Map<String, List<String>> stages = stages(workflow, engine.getRepositoryService(), groupFilters);
			List<Timed> rows = new ArrayList<>();
			for (Map.Entry<String, String> member : MEMBERS.entrySet()) {
				String user = member.getKey();
				String group = member.getValue();
				Supplier<TaskQuery> filter = () -> filterQuery(tasks, group, stages.get(group));
				Timed asMember = new Timed(String.format("%s (%s): filter \"%s\"", user, group, FILTERS.get(group)));
				Timed asDemo = new Timed(
						String.format("demo (administrator, unchecked): filter \"%s\"", FILTERS.get(group)));
				long[] counts = new long[2];
				for (int i = -warmup; i < queries; i++) {
					engine.getIdentityService().setAuthentication(user, List.of(group));
					long started = System.nanoTime();
					TaskQuery query = filter.get();
					query.listPage(0, 15);
					long paged = System.nanoTime();
					counts[0] = query.count();
					long ended = System.nanoTime();
					engine.getIdentityService().clearAuthentication();
					long uncheckedStarted = System.nanoTime();
					TaskQuery unchecked = filter.get();
					unchecked.listPage(0, 15);
					long uncheckedPaged = System.nanoTime();
					counts[1] = unchecked.count();
					long uncheckedEnded = System.nanoTime();
					if (i >= 0) {
						asMember.record(started, paged, ended);
						asDemo.record(uncheckedStarted, uncheckedPaged, uncheckedEnded);
					}
				}
				if (counts[0] != counts[1]) {
					throw new IllegalStateException(user + " counts " + counts[0] + " tasks of " + group
							+ ", the administrator " + counts[1] + ": the narrowing changed the list");
				}
				rows.add(asMember.counted(counts[0]));
				rows.add(asDemo.counted(counts[1]));
			}
			printTable(String.format("Java API, each group's filter query; %,d open tasks: %s", openTasks(database),
					tasksByGroup(database)), rows, queries);
			System.out.printf(
					"Member and administrator queries alternate. Database %s; the engine's connections with"
							+ " the workflow's settings (%s). Filters: %s; the members' queries through the workflow's"
							+ " StaffTaskScope.%n",
					database, session.isEmpty() ? "none" : session,
					groupFilters ? "each group's candidate group (--filters candidate-groups, as before V2_4)"
							: "each group's stages " + stages);
		}
	}

	/**
	 * Each staff group's stages in the deployed model (the workflow's GroupStages), or
	 * none for each (its filter then lists its candidate group's tasks, as all did before
	 * V2_4).
	 */
	private static Map<String, List<String>> stages(WorkflowClasses workflow,
			org.camunda.bpm.engine.RepositoryService repository, boolean groupFilters) {
		Map<String, List<String>> stages = new java.util.LinkedHashMap<>();
		for (String group : MEMBERS.values()) {
			stages.put(group, groupFilters ? List.of() : workflow.stagesOf(repository, group));
		}
		return stages;
	}

	/**
	 * A staff group's Tasklist filter query, as StaffTaskLists saves it: the tasks at the
	 * group's stages, or of its candidate group for a group without stages; urgent first,
	 * then by due date.
	 */
	private static TaskQuery filterQuery(org.camunda.bpm.engine.TaskService tasks, String group, List<String> stages) {
		TaskQuery query = tasks.createTaskQuery();
		if (stages.isEmpty()) {
			query.taskCandidateGroup(group).includeAssignedTasks();
		}
		else {
			query.taskDefinitionKeyIn(stages.toArray(String[]::new));
		}
		return query.orderByTaskPriority().desc().orderByDueDate().asc();
	}

	/**
	 * The session settings the workflow's postgres profile gives its connections (the
	 * query string of its JDBC URL, e.g. {@code options=-c%20random_page_cost=1.1}), so
	 * the engine here plans its queries as the workflow's does.
	 */
	static String workflowSession(Path root) throws IOException {
		String profile = java.nio.file.Files
			.readString(root.resolve("services/workflow/src/main/resources/application-postgres.yml"));
		var url = java.util.regex.Pattern.compile("/prolo_workflow\\?(\\S+)").matcher(profile);
		return url.find() ? url.group(1) : "";
	}

	/**
	 * The workflow's PostgreSQL indexes for task lists (its Flyway migrations), except
	 * those of the migration named by {@code --without} (e.g. V2_4, for a "before" run;
	 * dropped if an earlier run made them).
	 */
	private static void workflowIndexes(Path root, String database, String without) throws IOException, SQLException {
		Path migrations = root.resolve("services/workflow/src/main/resources/db/migration/postgresql");
		try (Connection connection = Postgres.connect(database);
				Statement sql = connection.createStatement();
				var files = java.nio.file.Files.list(migrations)) {
			for (Path file : files.filter(f -> f.getFileName().toString().contains("task_list")).sorted().toList()) {
				String text = java.nio.file.Files.readString(file).replaceAll("(?m)^--.*$", "").trim();
				if (without.isEmpty() || !file.getFileName().toString().startsWith(without)) {
					sql.execute(text);
					System.out.println("# applied " + file.getFileName());
					continue;
				}
				// Left out on a database that had them (--keep): its indexes go.
				var created = java.util.regex.Pattern.compile("create index if not exists (\\w+)").matcher(text);
				while (created.find()) {
					sql.execute("drop index if exists " + created.group(1));
				}
				System.out.println("# left out " + file.getFileName());
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

	/**
	 * Each request is built before its clock starts, with a token that is fresh then; a
	 * renewal (every few minutes) is never timed.
	 */
	private static Timed time(HttpClient http, int queries, String name, long count, Supplier<HttpRequest> page,
			Supplier<HttpRequest> counting) throws IOException, InterruptedException {
		Timed timed = new Timed(name).counted(count);
		for (int i = -warmup; i < queries; i++) {
			HttpRequest pageRequest = page.get();
			HttpRequest countRequest = counting.get();
			long started = System.nanoTime();
			send(http, pageRequest);
			long paged = System.nanoTime();
			send(http, countRequest);
			long ended = System.nanoTime();
			if (i >= 0) {
				timed.record(started, paged, ended);
			}
		}
		return timed;
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
	 * Share of the open tasks at each staff group's stages, as a clinic's would be
	 * spread: half waiting for intake-coordinators, 30 % for clinical-coordinators, 20 %
	 * for clinicians; within a group, each later stage (in the model's order) holds a
	 * quarter of the group's tasks and its first stage the rest (triage 50 %,
	 * record-history 22.5 %, chase-imaging 7.5 %, physical-exam 10 %, confirm-suitability
	 * and plan-course 5 % each).
	 */
	static Map<String, Double> stageShares(Map<String, List<String>> stages) {
		Map<String, Double> groups = orderedShares("intake-coordinators", 0.5, "clinical-coordinators", 0.3,
				"clinicians", 0.2);
		Map<String, Double> shares = new java.util.LinkedHashMap<>();
		groups.forEach((group, share) -> {
			List<String> ids = stages.get(group);
			if (ids == null || ids.isEmpty()) {
				throw new IllegalStateException("The process model gives " + group + " no user task");
			}
			double later = share / 4;
			shares.put(ids.get(0), share - later * (ids.size() - 1));
			ids.subList(1, ids.size()).forEach(id -> shares.put(id, later));
		});
		return shares;
	}

	private static Map<String, Double> orderedShares(Object... pairs) {
		Map<String, Double> map = new java.util.LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], (Double) pairs[i + 1]);
		}
		return map;
	}

	/**
	 * The stage of the n-th seeded instance: spread by the golden ratio's multiples, so
	 * any run of instances holds the stages in their shares, independently of n % 5
	 * (urgency).
	 */
	static String stageOf(int n, Map<String, Double> shares) {
		double position = (n * 0.6180339887498949) % 1.0;
		double cumulative = 0;
		String last = null;
		for (Map.Entry<String, Double> share : shares.entrySet()) {
			cumulative += share.getValue();
			last = share.getKey();
			if (position < cumulative) {
				return last;
			}
		}
		return last;
	}

	/**
	 * Tops the open tasks up to {@code target}, spread over the staff groups' stages
	 * ({@link #stageShares}), one in five urgent at every stage; ages them once so their
	 * creation and due dates spread as a clinic's open work does, one in 25 overdue and
	 * escalated to clinic-leads ({@link #ageTasks}). A second run on the same database
	 * seeds nothing. Then VACUUM ANALYZE, as a server's autovacuum would after such a
	 * burst of new rows (autovacuum is off on these machines).
	 */
	private static void seed(WorkflowClasses workflow, String database, int target, int threads, int batch,
			int engineSeeded) throws Exception {
		long existing = openTasks(database);
		long missing = Math.min(target, engineSeeded) - existing;
		if (missing <= 0) {
			note(String.format("%,d open tasks already there; nothing seeded through the engine.", existing));
		}
		else {
			seedMissing(workflow, database, missing, threads, batch);
		}
		if (target > openTasks(database)) {
			cloneTasks(database, target);
		}
		ageTasks(database);
		try (Connection connection = Postgres.connect(database); Statement sql = connection.createStatement()) {
			String autovacuum;
			try (ResultSet setting = sql.executeQuery("show autovacuum")) {
				setting.next();
				autovacuum = setting.getString(1);
			}
			long started = System.nanoTime();
			sql.execute("vacuum analyze");
			note(String.format(
					"VACUUM ANALYZE of %s after seeding (%.1f s), as a server's autovacuum would after such a burst of"
							+ " inserts: autovacuum is %s on this server.",
					database, (System.nanoTime() - started) / 1e9, autovacuum));
		}
	}

	/**
	 * Tops the open tasks up to {@code target} by copying the engine-seeded ones in SQL
	 * (task rows and their candidate links, new ids, same stage, group, priority, due
	 * date and process instance). Seeding through the engine runs at 30-50 instances per
	 * second on a loaded two-core machine; the lists only read these two tables (and the
	 * variables of a page's 15 tasks).
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
		}
		note(String.format(
				"Open tasks copied in SQL up to %,d in %.1f s (new ids; stage, group, priority, due date"
						+ " and process instance of an engine-seeded task).",
				target, (System.nanoTime() - started) / 1e9));
	}

	/** Marks a database whose tasks were aged, so a run with --keep ages none again. */
	private static final String AGED = "prolo.benchmark.tasks-aged";

	/**
	 * Once per database: moves each task's creation and due date back by whole days, as
	 * if created during the time its stage allows (0 up to its allowance), one in 25 past
	 * its due date by 1 to 10 days; those get clinic-leads as a candidate group, as the
	 * overdue timer adds it. Seeded in one burst, every task of a stage would share one
	 * due date, and every group's tasks would sort after or before every other group's.
	 * The due dates stay at 17:00 (some fall on a weekend; the lists only sort by them).
	 */
	private static void ageTasks(String database) throws SQLException {
		try (Connection connection = Postgres.connect(database); Statement sql = connection.createStatement()) {
			try (ResultSet aged = sql.executeQuery("select value_ from act_ge_property where name_ = '" + AGED + "'")) {
				if (aged.next()) {
					return;
				}
			}
			int moved = sql.executeUpdate("update act_ru_task t set create_time_ = t.create_time_ - a.shift,"
					+ " due_date_ = t.due_date_ - a.shift from (select id_, make_interval(days => case when"
					+ " abs(hashtext(id_ || '/overdue')) % 25 = 0 then allowance + 1 + abs(hashtext(id_ || '/late')) % 10"
					+ " else abs(hashtext(id_ || '/age')) % allowance end) as shift from (select id_, greatest(1,"
					+ " ceil(extract(epoch from due_date_ - create_time_) / 86400)::int) as allowance from act_ru_task"
					+ " where due_date_ is not null) days) a where t.id_ = a.id_");
			int escalated = sql.executeUpdate("insert into act_ru_identitylink (id_, rev_, group_id_, type_, task_id_)"
					+ " select gen_random_uuid()::text, 1, 'clinic-leads', 'candidate', t.id_ from act_ru_task t where"
					+ " t.due_date_ < now() and not exists (select 1 from act_ru_identitylink i where i.task_id_ = t.id_"
					+ " and i.group_id_ = 'clinic-leads')");
			sql.execute("insert into act_ge_property (name_, value_, rev_) values ('" + AGED + "', 'true', 1)");
			note(String.format(
					"%,d tasks aged within their stage's allowance; %,d of them overdue and escalated to clinic-leads.",
					moved, escalated));
		}
	}

	private static void seedMissing(WorkflowClasses workflow, String database, long missing, int threads, int batch)
			throws Exception {
		long started = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		String run = Long.toString(System.currentTimeMillis(), 36);
		try (BareEngine node = BareEngine.joining(database, threads + 1)) {
			Map<String, Double> shares = stageShares(stages(workflow, node.engine().getRepositoryService(), false));
			String firstStage = shares.keySet().iterator().next();
			System.out.printf("# seeding %,d open tasks (%d threads, %d instances per transaction) at %s%n", missing,
					threads, batch, shares);
			ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) node.engine()
				.getProcessEngineConfiguration();
			var runtime = node.engine().getRuntimeService();
			AtomicInteger next = new AtomicInteger();
			List<Future<?>> work = new ArrayList<>();
			for (long from = 0; from < missing; from += batch) {
				int size = (int) Math.min(batch, missing - from);
				work.add(pool.submit(() -> configuration.getCommandExecutorTxRequired().execute(context -> {
					for (int i = 0; i < size; i++) {
						int n = next.incrementAndGet();
						String referralId = "S-" + run + "-" + n;
						Map<String, Object> variables = BareEngine.variables(referralId);
						variables.put("patientPseudonym", "P-" + run + "-" + n);
						// One in five urgent at every stage.
						variables.put("urgency", (n % 5 == 3) ? "URGENT" : "ROUTINE");
						String stage = stageOf(n, shares);
						if (stage.equals(firstStage)) {
							runtime.startProcessInstanceByKey(BareEngine.PROCESS_KEY, referralId, variables);
						}
						else {
							runtime.createProcessInstanceByKey(BareEngine.PROCESS_KEY)
								.businessKey(referralId)
								.setVariables(variables)
								.startBeforeActivity(stage)
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
		}
		finally {
			pool.shutdownNow();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		note(String.format("%,d instances seeded through the engine's Java API in %.1f s (%.0f/s).", missing, seconds,
				missing / seconds));
	}

	/**
	 * Logs the SQL the engine generates for each group's filter query, page and count, as
	 * the group's member (through the workflow's StaffTaskScope) and as an administrator
	 * (MyBatis at DEBUG).
	 */
	private static void showSql(WorkflowClasses workflow, String database, String session, boolean groupFilters) {
		ch.qos.logback.classic.Logger mybatis = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
			.getLogger("org.camunda.bpm.engine.impl.persistence.entity.TaskEntity");
		mybatis.setLevel(ch.qos.logback.classic.Level.DEBUG);
		try (BareEngine node = BareEngine.joining(database, 2, session, List.of(workflow.taskAccess()))) {
			var engine = node.engine();
			grantStaffGroups(engine.getAuthorizationService());
			Map<String, List<String>> stages = stages(workflow, engine.getRepositoryService(), groupFilters);
			for (Map.Entry<String, String> member : MEMBERS.entrySet()) {
				String group = member.getValue();
				for (boolean asMember : List.of(true, false)) {
					System.out.println("-- " + (asMember ? member.getKey() + " (" + group + ")"
							: "administrator, unchecked, filter of " + group));
					if (asMember) {
						engine.getIdentityService().setAuthentication(member.getKey(), List.of(group));
					}
					filterQuery(engine.getTaskService(), group, stages.get(group)).listPage(0, 15);
					filterQuery(engine.getTaskService(), group, stages.get(group)).count();
					engine.getIdentityService().clearAuthentication();
				}
			}
		}
		mybatis.setLevel(ch.qos.logback.classic.Level.WARN);
	}

	/**
	 * EXPLAIN (ANALYZE, BUFFERS) of the SQL the engine runs for a group's filter, page
	 * and count, as its member and unchecked
	 * (benchmarks/src/main/resources/tasklist-queries.sql, captured with --show-sql), in
	 * a session with the workflow's settings.
	 */
	private static void analyze(String database, String session) throws IOException, SQLException {
		String statements;
		try (InputStream in = TaskListBenchmark.class.getResourceAsStream("/tasklist-queries.sql")) {
			statements = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		var setting = java.util.regex.Pattern.compile("-c%20(\\w+)=([\\w.]+)").matcher(session);
		explain(database, statements, setting.find() ? "set " + setting.group(1) + " = " + setting.group(2) : "");
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
