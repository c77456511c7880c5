package org.prolo.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * 6. Start-up time of the embedded stack (from the launch command to all eight services
 * healthy) and the RSS of every process at rest and under load.
 */
final class MemoryBenchmark {

	private MemoryBenchmark() {
	}

	static void run(Path root, Args args) {
		double rate = args.integer("rate", 200);
		Duration load = args.duration("duration", "30s");
		Duration rest = args.duration("rest", "20s");
		try (Stack stack = Stack.start(root, args.text("launcher-args", ""));
				IntakeClient client = new IntakeClient(stack.tokens())) {
			Map<String, Long> pids = stack.pids();
			Stack.sleep(rest.toMillis());
			Map<String, Long> atRest = sample(pids);
			Map<String, Long> peak = new LinkedHashMap<>(atRest);
			AtomicInteger numbers = new AtomicInteger();
			Thread sampler = new Thread(() -> {
				while (!Thread.currentThread().isInterrupted()) {
					sample(pids).forEach((name, mib) -> peak.merge(name, mib, Math::max));
					try {
						Thread.sleep(1000);
					}
					catch (InterruptedException e) {
						return;
					}
				}
			});
			sampler.start();
			OpenLoop.Result result = OpenLoop.run(rate, load, Duration.ofSeconds(60),
					(i, intended) -> client.submit(numbers.incrementAndGet()).thenApply(id -> id.isPresent()));
			sampler.interrupt();
			Stack.sleep(1000);
			Map<String, Long> after = sample(pids);
			System.out.println();
			System.out.printf(
					"Start-up: %.1f s from the launch command to all eight services healthy (target < 60 s)%n",
					stack.startup().orElseThrow().toMillis() / 1000.0);
			System.out.printf("Load: POST /api/referrals at %.0f/s for %s: %d accepted, %d errors, p99 %.1f ms%n", rate,
					load, result.ok(), result.errors(), result.latency().percentileMillis(99));
			System.out.println();
			System.out.println("| process | pid | RSS at rest MiB | peak RSS under load MiB | RSS after load MiB |");
			System.out.println("|---|---:|---:|---:|---:|");
			long[] totals = new long[3];
			for (Map.Entry<String, Long> process : pids.entrySet()) {
				String name = process.getKey();
				long a = atRest.getOrDefault(name, 0L);
				long b = peak.getOrDefault(name, 0L);
				long c = after.getOrDefault(name, 0L);
				totals[0] += a;
				totals[1] += b;
				totals[2] += c;
				System.out.printf("| %s | %d | %d | %d | %d |%n", name, process.getValue(), a, b, c);
			}
			System.out.printf("| whole embedded stack | | %d | %d (sum of peaks) | %d |%n", totals[0], totals[1],
					totals[2]);
			System.out.println("Target: ready < 60 s, under 4 GiB (4096 MiB) RSS in total.");
		}
	}

	private static Map<String, Long> sample(Map<String, Long> pids) {
		Map<String, Long> rss = new LinkedHashMap<>();
		pids.forEach((name, pid) -> {
			OptionalLong mib = Rss.mebibytesOf(pid);
			if (mib.isPresent()) {
				rss.put(name, mib.getAsLong());
			}
		});
		return rss;
	}

}
