package org.prolo.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** 1. Open-loop POST /api/referrals at fixed rates against the stack on PostgreSQL. */
final class IntakeBenchmark {

	private IntakeBenchmark() {
	}

	static void run(Path root, Args args) {
		List<Double> rates = args.rates("rates", "100,200,500,1000");
		Duration duration = args.duration("duration", "20s");
		Duration warmup = args.duration("warmup", "15s");
		Duration pause = args.duration("pause", "10s");
		try (Stack stack = Stack.startOrAttach(root, args); IntakeClient client = new IntakeClient(stack.tokens())) {
			AtomicInteger numbers = new AtomicInteger();
			if (!warmup.isZero()) {
				System.out.printf("# warm-up: %s at 50/s (not reported)%n", warmup);
				OpenLoop.run(50, warmup, Duration.ofSeconds(60),
						(i, intended) -> client.submit(numbers.incrementAndGet()).thenApply(id -> id.isPresent()));
				Stack.sleep(pause.toMillis());
			}
			List<OpenLoop.Result> results = new ArrayList<>();
			List<StepCost.Figures> costs = new ArrayList<>();
			for (double rate : rates) {
				StepCost cost = StepCost.start(stack.pids(), Stack.databaseNames());
				OpenLoop.Result result = OpenLoop.run(rate, duration, Duration.ofSeconds(60),
						(i, intended) -> client.submit(numbers.incrementAndGet()).thenApply(id -> id.isPresent()));
				StepCost.Figures figures = cost.stop();
				results.add(result);
				costs.add(figures);
				System.out.printf("#   %.0f/s done: accepted %.1f/s, p99 %.1f ms, errors %d, load %s%n", rate,
						result.acceptedRate(), result.latency().percentileMillis(99), result.errors(),
						Machine.loadAverage());
				System.out.println(figures.table(String.format("%.0f/s", rate), result.ok()));
				Stack.sleep(pause.toMillis());
			}
			System.out.println();
			System.out.println("| target /s | sent | 201 | errors | accepted /s | p50 ms | p95 ms | p99 ms | max ms |");
			System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
			for (OpenLoop.Result result : results) {
				LatencyHistogram latency = result.latency();
				System.out.printf("| %.0f | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n", result.targetRate(),
						result.sent(), result.ok(), result.errors(), result.acceptedRate(),
						latency.percentileMillis(50), latency.percentileMillis(95), latency.percentileMillis(99),
						latency.maxMillis());
			}
			System.out.println("Target: >= 500/s accepted with p99 < 50 ms.");
			System.out.println();
			System.out.println("CPU per accepted referral, from the first POST due to the last answer of each step "
					+ "(the load generator's included):");
			System.out
				.print(StepCost.summary(results.stream().map(r -> String.format("%.0f/s", r.targetRate())).toList(),
						costs, results.stream().map(OpenLoop.Result::ok).toList()));
		}
	}

}
