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

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.prolo.launcher.DemoTokens;

/**
 * 4. The first page of intake-coordinators' tasks with 100,000 open triage tasks: seeded
 * through the engine's Java API on the workflow's own database (an extra engine node, job
 * executor off, many instances per transaction), then queried through the engine REST API
 * as a client and as Tasklist's "My groups' tasks" filter asks.
 */
final class TaskListBenchmark {

	private static final String REST = "http://127.0.0.1:8080/engine-rest";

	/** The intake coordinator whose Tasklist is measured. */
	private static final String USER = "ingrid";

	private static final String TASKLIST_BODY = """
			{"candidateGroups":["intake-coordinators"],"includeAssignedTasks":true,\
			"sorting":[{"sortBy":"created","sortOrder":"desc"}]}""";

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
			seed(database, target, args.integer("seed-threads", 4), args.integer("batch", 250));
			if (args.flag("show-sql")) {
				showSql(database);
			}
			if (args.flag("analyze")) {
				analyze(database);
			}
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			// Ingrid asks, with her own token, as Tasklist asks for her: the engine
			// applies her authorizations to every query.
			DemoTokens tokens = stack.tokens();
			Supplier<HttpRequest> restList = () -> HttpRequest
				.newBuilder(URI.create(REST + "/task?candidateGroup=intake-coordinators&firstResult=0&maxResults=15"
						+ "&sortBy=created&sortOrder=desc"))
				.header("Accept", "application/json")
				.header("Authorization", tokens.bearer(USER))
				.build();
			Supplier<HttpRequest> tasklistList = () -> post("/task?firstResult=0&maxResults=15", tokens);
			Supplier<HttpRequest> tasklistCount = () -> post("/task/count", tokens);
			System.out.printf("# %d queries each after 50 unreported ones, one at a time, as %s%n", queries, USER);
			LatencyHistogram rest = time(http, queries, restList);
			LatencyHistogram tasklist = time(http, queries, tasklistList, tasklistCount);
			LatencyHistogram count = time(http, queries, tasklistCount);
			System.out.println();
			System.out.printf("| query (%,d open triage tasks) | p50 ms | p95 ms | p99 ms | max ms |%n",
					openTriageTasks(database));
			System.out.println("|---|---:|---:|---:|---:|");
			row("engine REST GET /task?candidateGroup=intake-coordinators&maxResults=15&sortBy=created desc", rest);
			row("Tasklist shape: POST /task (candidateGroups + includeAssignedTasks, created desc) + POST /task/count",
					tasklist);
			row("  of which POST /task/count alone", count);
			System.out.println("The product has no task API of its own; Tasklist and clients use the engine REST API.");
			System.out.println("Target: p99 < 50 ms at 100,000 open tasks.");
		}
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
		seed(database, target, args.integer("seed-threads", 4), args.integer("batch", 250));
		if (args.flag("analyze")) {
			analyze(database);
		}
		try (BareEngine node = BareEngine.joining(database, 2)) {
			var tasks = node.engine().getTaskService();
			// As Tasklist asks for her: the engine adds her authorizations to each query.
			node.engine().getIdentityService().setAuthentication(USER, List.of("intake-coordinators"));
			LatencyHistogram byGroup = new LatencyHistogram();
			LatencyHistogram tasklist = new LatencyHistogram();
			for (int i = -50; i < queries; i++) {
				long started = System.nanoTime();
				tasks.createTaskQuery()
					.taskCandidateGroup("intake-coordinators")
					.orderByTaskCreateTime()
					.desc()
					.listPage(0, 15);
				long middle = System.nanoTime();
				var query = tasks.createTaskQuery()
					.taskCandidateGroupIn(List.of("intake-coordinators"))
					.includeAssignedTasks()
					.orderByTaskCreateTime()
					.desc();
				query.listPage(0, 15);
				query.count();
				long ended = System.nanoTime();
				if (i >= 0) {
					byGroup.recordNanos(middle - started);
					tasklist.recordNanos(ended - middle);
				}
			}
			System.out.println();
			System.out.printf(
					"| Java API query (%,d open triage tasks, database %s) | p50 ms | p95 ms | p99 ms | max ms |%n",
					openTriageTasks(database), database);
			System.out.println("|---|---:|---:|---:|---:|");
			node.engine().getIdentityService().clearAuthentication();
			row("taskCandidateGroup(intake-coordinators), created desc, first 15", byGroup);
			row("Tasklist shape: taskCandidateGroupIn + includeAssignedTasks, first 15, + count", tasklist);
		}
	}

	private static void row(String name, LatencyHistogram latency) {
		System.out.printf("| %s | %.1f | %.1f | %.1f | %.1f |%n", name, latency.percentileMillis(50),
				latency.percentileMillis(95), latency.percentileMillis(99), latency.maxMillis());
	}

	private static HttpRequest post(String path, DemoTokens tokens) {
		return HttpRequest.newBuilder(URI.create(REST + path))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("Authorization", tokens.bearer(USER))
			.POST(HttpRequest.BodyPublishers.ofString(TASKLIST_BODY))
			.build();
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

	static long openTriageTasks(String database) throws SQLException {
		try (Connection connection = Postgres.connect(database);
				Statement sql = connection.createStatement();
				ResultSet rows = sql.executeQuery("select count(*) from act_ru_task where task_def_key_ = 'triage'")) {
			rows.next();
			return rows.getLong(1);
		}
	}

	/**
	 * Tops the open triage tasks up to {@code target}; a second run on the same database
	 * seeds nothing.
	 */
	private static void seed(String database, int target, int threads, int batch) throws Exception {
		long existing = openTriageTasks(database);
		long missing = target - existing;
		if (missing <= 0) {
			System.out.printf("# %,d open triage tasks already there; nothing to seed%n", existing);
			return;
		}
		System.out.printf("# seeding %,d triage tasks (%d threads, %d instances per transaction, 2 variables each)%n",
				missing, threads, batch);
		long started = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		String run = Long.toString(System.currentTimeMillis(), 36);
		try (BareEngine node = BareEngine.joining(database, threads + 1)) {
			ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) node.engine()
				.getProcessEngineConfiguration();
			AtomicInteger next = new AtomicInteger();
			List<Future<?>> work = new ArrayList<>();
			for (long from = 0; from < missing; from += batch) {
				int size = (int) Math.min(batch, missing - from);
				work.add(pool.submit(() -> configuration.getCommandExecutorTxRequired().execute(context -> {
					for (int i = 0; i < size; i++) {
						String referralId = "S-" + run + "-" + next.incrementAndGet();
						node.engine()
							.getRuntimeService()
							.startProcessInstanceByKey(BareEngine.PROCESS_KEY, referralId,
									Map.of("referralId", referralId, "condition", "KNEE_OSTEOARTHRITIS"));
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
		System.out.printf("# seeded %,d instances waiting at triage in %.1f s (%.0f/s)%n", missing, seconds,
				missing / seconds);
		try (Connection connection = Postgres.connect(database); Statement sql = connection.createStatement()) {
			sql.execute("analyze");
		}
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
