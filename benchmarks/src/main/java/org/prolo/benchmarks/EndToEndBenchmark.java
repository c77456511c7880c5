package org.prolo.benchmarks;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * 2. and 3. From POST /api/referrals to the triage task in the engine, at fixed rates;
 * then, in the same run and on the same PostgreSQL server, the same BPMN started straight
 * through the engine's Java API at the same rates (the bare-engine baseline).
 */
final class EndToEndBenchmark {

	private record Step(String label, OpenLoop.Result posts, int tasks, double rate, LatencyHistogram created,
			LatencyHistogram visible, StepCost.Figures cost) {
	}

	private static final String BARE_DATABASE = "prolo_bench_engine";

	private EndToEndBenchmark() {
	}

	static void run(Path root, Args args) throws SQLException {
		List<Double> rates = args.rates("rates", "50,100,200,400");
		Duration duration = args.duration("duration", "20s");
		Duration warmup = args.duration("warmup", "15s");
		Duration pause = args.duration("pause", "5s");
		int sampleEvery = args.integer("sample-every", 10);
		boolean half = !args.flag("no-half");
		List<Step> pipeline = new ArrayList<>();
		List<OpenLoop.Result> bare = new ArrayList<>();
		if (args.flag("bare-only")) {
			printBare(bareEngine(root, rates, duration, warmup, args), rates);
			return;
		}
		try (Stack stack = Stack.startOrAttach(root, args);
				IntakeClient client = new IntakeClient(stack.tokens());
				TriageTasks tasks = new TriageTasks("prolo_workflow", 20)) {
			AtomicInteger numbers = new AtomicInteger();
			if (!warmup.isZero()) {
				System.out.printf("# warm-up: %s at 20/s (not reported)%n", warmup);
				step("warm-up", 20, warmup, stack, client, tasks, numbers, 0);
				Stack.sleep(pause.toMillis());
			}
			for (double rate : rates) {
				pipeline
					.add(step(String.format("%.0f", rate), rate, duration, stack, client, tasks, numbers, sampleEvery));
				Stack.sleep(pause.toMillis());
			}
			if (half) {
				double max = pipeline.stream().mapToDouble(Step::rate).max().orElse(0);
				double halfRate = Math.max(1, Math.floor(max / 2));
				pipeline.add(step(String.format("%.0f (half of max %.0f)", halfRate, max), halfRate, duration, stack,
						client, tasks, numbers, sampleEvery));
			}
			if (!args.flag("no-bare")) {
				bare = bareEngine(root, rates, duration, warmup, args);
			}
		}
		print(pipeline, bare, rates);
	}

	private static Step step(String label, double rate, Duration duration, Stack stack, IntakeClient client,
			TriageTasks tasks, AtomicInteger numbers, int sampleEvery) throws SQLException {
		StepCost cost = StepCost.start(stack.pids(), Stack.databaseNames());
		long epochOffsetMillis = System.currentTimeMillis() - System.nanoTime() / 1_000_000;
		Map<String, Long> sentAt = new ConcurrentHashMap<>();
		OpenLoop.Result posts = OpenLoop.run(rate, duration, Duration.ofSeconds(60), (i, intended) -> {
			long sent = intended / 1_000_000 + epochOffsetMillis;
			return client.submit(numbers.incrementAndGet()).thenApply(id -> {
				id.ifPresent(referral -> {
					sentAt.put(referral, sent);
					if (sampleEvery > 0 && i % sampleEvery == 0) {
						tasks.watch(referral, sent);
					}
				});
				return id.isPresent();
			});
		});
		List<String> ids = new ArrayList<>(sentAt.keySet());
		Map<String, Long> created = new java.util.HashMap<>();
		long deadline = System.currentTimeMillis() + 180_000;
		while (System.currentTimeMillis() < deadline) {
			List<String> missing = ids.stream().filter(id -> !created.containsKey(id)).toList();
			created.putAll(tasks.createTimes(missing));
			if (created.size() >= ids.size()) {
				break;
			}
			Stack.sleep(1000);
		}
		LatencyHistogram createdLatency = new LatencyHistogram();
		long firstSent = Long.MAX_VALUE;
		long lastCreated = Long.MIN_VALUE;
		for (Map.Entry<String, Long> task : created.entrySet()) {
			long sent = sentAt.get(task.getKey());
			createdLatency.recordMillis(task.getValue() - sent);
			lastCreated = Math.max(lastCreated, task.getValue());
		}
		for (long sent : sentAt.values()) {
			firstSent = Math.min(firstSent, sent);
		}
		double e2eRate = created.isEmpty() ? 0 : created.size() * 1000.0 / Math.max(1, lastCreated - firstSent);
		LatencyHistogram visible = new LatencyHistogram();
		for (String id : ids) {
			Long after = tasks.visibleAfter().remove(id);
			if (after != null) {
				visible.recordMillis(after);
			}
		}
		System.out.printf("#   %s/s: %d accepted, %d triage tasks, %.1f/s end to end, created p99 %.1f ms, load %s%n",
				label, posts.ok(), created.size(), e2eRate, createdLatency.percentileMillis(99), Machine.loadAverage());
		// Up to the poll that found the last task: at most a second after it.
		StepCost.Figures figures = cost.stop();
		System.out.println(figures.table(label + "/s, from the first POST to the last triage task", created.size()));
		return new Step(label, posts, created.size(), e2eRate, createdLatency, visible, figures);
	}

	private static List<OpenLoop.Result> bareEngine(Path root, List<Double> rates, Duration duration, Duration warmup,
			Args args) {
		String history = args.text("bare-history", "full");
		boolean minimalVariables = args.flag("bare-minimal-variables");
		boolean skipStartFactDetails = args.flag("bare-no-start-fact-details");
		List<String> settings = args.text("bare-db-settings", "").isBlank() ? List.of()
				: List.of(args.text("bare-db-settings", "").split(","));
		int threads = 10;
		System.out.printf(
				"# bare engine: fresh database prolo_bench_engine, history %s%s, %s, %d caller threads, Hikari 10%s%n",
				history, skipStartFactDetails ? " without the set-once start facts' details" : "",
				minimalVariables ? "1 process variable"
						: "the workflow's " + BareEngine.variables("").size() + " start variables",
				threads, settings.isEmpty() ? "" : ", database settings " + settings);
		List<OpenLoop.Result> results = new ArrayList<>();
		ExecutorService callers = Executors.newFixedThreadPool(threads);
		try (BareEngine bare = BareEngine.onFreshDatabase(BARE_DATABASE, root.resolve("bpmn"), 10, history,
				skipStartFactDetails, settings)) {
			AtomicInteger numbers = new AtomicInteger();
			OpenLoop.Request start = (i, intended) -> CompletableFuture.supplyAsync(() -> {
				String referralId = "B-" + numbers.incrementAndGet();
				if (minimalVariables) {
					bare.engine()
						.getRuntimeService()
						.startProcessInstanceByKey(BareEngine.PROCESS_KEY, referralId,
								Map.of("referralId", referralId));
				}
				else {
					bare.startReferral(referralId);
				}
				return true;
			}, callers);
			if (!warmup.isZero()) {
				OpenLoop.run(20, warmup, Duration.ofSeconds(120), start);
			}
			List<StepCost.Figures> costs = new ArrayList<>();
			for (double rate : rates) {
				StepCost cost = StepCost.start(Map.of(), Set.of(BARE_DATABASE));
				OpenLoop.Result result = OpenLoop.run(rate, duration, Duration.ofSeconds(300), start);
				costs.add(cost.stop());
				System.out.println(costs.get(costs.size() - 1)
					.table(String.format("bare %.0f/s (the load generator is the engine)", rate), result.ok()));
				results.add(result);
				System.out.printf("#   bare %.0f/s: %.1f/s, p99 %.1f ms, errors %d, load %s%n", rate,
						result.acceptedRate(), result.latency().percentileMillis(99), result.errors(),
						Machine.loadAverage());
			}
			System.out.println("Bare engine, CPU per started instance (this JVM is the engine and its callers):");
			System.out.print(StepCost.summary(rates.stream().map(rate -> String.format("%.0f/s", rate)).toList(), costs,
					results.stream().map(OpenLoop.Result::ok).toList()));
		}
		finally {
			callers.shutdownNow();
		}
		return results;
	}

	private static void printBare(List<OpenLoop.Result> bare, List<Double> rates) {
		System.out.println();
		System.out.println("| target /s | bare started /s | errors | p50 / p95 / p99 / max ms |");
		System.out.println("|---:|---:|---:|---|");
		for (int i = 0; i < bare.size(); i++) {
			OpenLoop.Result result = bare.get(i);
			System.out.printf("| %.0f | %.1f | %d | %s |%n", rates.get(i), result.acceptedRate(), result.errors(),
					result.latency().summary());
		}
	}

	private static void print(List<Step> pipeline, List<OpenLoop.Result> bare, List<Double> rates) {
		System.out.println();
		System.out.println("Pipeline (POST /api/referrals -> intake -> Kafka -> workflow -> triage task):");
		System.out.println("| target /s | POST 201 | POST errors | triage tasks | end-to-end /s "
				+ "| POST->task created p50 / p95 / p99 / max ms | POST->task visible (sampled) p50 / p99 ms |");
		System.out.println("|---|---:|---:|---:|---:|---|---|");
		for (Step step : pipeline) {
			System.out.printf("| %s | %d | %d | %d | %.1f | %s | %.1f / %.1f (n=%d) |%n", step.label(),
					step.posts().ok(), step.posts().errors(), step.tasks(), step.rate(), step.created().summary(),
					step.visible().percentileMillis(50), step.visible().percentileMillis(99), step.visible().count());
		}
		System.out.println();
		System.out.println("CPU per referral, from the first POST due to the last triage task of each step "
				+ "(load generator and measurement included):");
		System.out.print(StepCost.summary(
				pipeline.stream()
					.map(step -> step.label().replaceAll(" \\(.*", "/s (half)").replaceAll("^(\\d+)$", "$1/s"))
					.toList(),
				pipeline.stream().map(Step::cost).toList(),
				pipeline.stream().map(step -> (long) step.tasks()).toList()));
		if (bare.isEmpty()) {
			return;
		}
		System.out.println();
		System.out
			.println("Bare engine (RuntimeService.startProcessInstanceByKey, same BPMN, same server) vs pipeline:");
		System.out.println("| target /s | bare started /s | bare errors | bare p50 / p95 / p99 / max ms | pipeline /s "
				+ "| pipeline / bare |");
		System.out.println("|---:|---:|---:|---|---:|---:|");
		double bestBare = 0;
		double bestPipeline = 0;
		for (int i = 0; i < bare.size(); i++) {
			OpenLoop.Result result = bare.get(i);
			double pipelineRate = pipeline.get(i).rate();
			bestBare = Math.max(bestBare, result.acceptedRate());
			bestPipeline = Math.max(bestPipeline, pipelineRate);
			System.out.printf("| %.0f | %.1f | %d | %s | %.1f | %.0f %% |%n", rates.get(i), result.acceptedRate(),
					result.errors(), result.latency().summary(), pipelineRate,
					100 * pipelineRate / Math.max(0.001, result.acceptedRate()));
		}
		System.out.printf("Highest rates: pipeline %.1f/s, bare engine %.1f/s, ratio %.0f %%%n", bestPipeline, bestBare,
				100 * bestPipeline / Math.max(0.001, bestBare));
		System.out.println(
				"Targets: end to end >= 200/s and >= 80 % of the bare engine; p99 POST->task < 100 ms at half of the "
						+ "maximum rate.");
	}

}
