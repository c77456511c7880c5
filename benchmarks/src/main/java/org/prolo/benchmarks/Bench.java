package org.prolo.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.prolo.benchmarks.codec.EventCodecBenchmark;
import org.prolo.benchmarks.token.TokenCheckBenchmark;

/**
 * {@code java -jar benchmarks/target/benchmarks.jar <benchmark> [options]}; see
 * docs/benchmarks.md.
 */
public final class Bench {

	static final String USAGE = """
			Usage: java -jar benchmarks/target/benchmarks.jar <benchmark> [options]   (run from the repository root)
			  intake    [--rates 100,200,500,1000] [--duration 20s] [--warmup 15s] [--pause 10s]
			  e2e       [--rates 50,100,200,400] [--duration 20s] [--warmup 15s] [--no-bare] [--no-half]
			            [--bare-history full|audit|none] [--bare-minimal-variables] [--bare-only]   (--bare-only: no stack, the engine alone)
			            [--bare-no-start-fact-details] [--bare-db-settings synchronous_commit=off,commit_delay=100]
			            (each step prints CPU ms per referral of every process and PostgreSQL database)
			  tasklist  [--tasks 100000] [--engine-seed 5000] [--queries 1000] [--warmup 50] [--analyze] [--show-sql]
			            [--engine-only [--database prolo_bench_tasks] [--keep] [--without V2_4] [--filters stages|candidate-groups]]
			            (no stack: Java API on a database of its own, the members' queries through the workflow's own
			            StaffTaskScope, so build services/workflow too; --without: leave out that migration's task-list
			            indexes, --filters candidate-groups: each group's filter by its candidate group, both for a "before" run)
			            (--engine-seed: instances started through the engine; the rest of --tasks are copies in SQL)
			  referrals [--referrals 10000] [--queries 200] [--warmup 20] [--concurrency 16] [--no-reference]
			            (the portal's list for one physician; --no-reference for an intake without referrerReference)
			  memory    [--rate 200] [--duration 30s] [--rest 20s]
			  codec     [--forks 1] [--iterations 5]   (JMH, with -prof gc)
			  token     [--forks 1] [--iterations 5] | --cpu [--calls 20000]   (the access-token check of each API call:
			            JMH wall time, or this thread's CPU time per call, which a loaded machine does not inflate)
			intake, e2e, tasklist and referrals start the stack on fresh prolo_* PostgreSQL databases through the launcher
			(--postgres) and stop it at the end; --attach uses a stack already running on ports 8080-8086 and 9000.
			Requests carry real tokens: dr-ada and dr-ben submit, ingrid lists tasks (signed in at the
			stack's identity service, renewed before they expire).
			--launcher-args=--full-jit passes launcher options (with "=", as the value starts with --).
			Run them under flock /tmp/prolo-stack.lock; codec needs no stack.""";

	private Bench() {
	}

	public static void main(String[] argv) throws Exception {
		// The launcher's jar on this classpath has a logback.xml of its own.
		System.setProperty("logback.configurationFile", "benchmarks-logback.xml");
		if (argv.length == 0 || argv[0].equals("--help")) {
			System.out.println(USAGE);
			return;
		}
		String benchmark = argv[0];
		List<String> rest = Arrays.asList(argv).subList(1, argv.length);
		Args args = new Args(rest);
		Path root = Path.of(args.text("repo", ".")).toAbsolutePath().normalize();
		if (!Files.isDirectory(root.resolve("bpmn")) || !Files.isDirectory(root.resolve("services"))) {
			System.err.println("Run from the repository root (or pass --repo PATH): no bpmn/ and services/ in " + root);
			System.exit(2);
		}
		Machine.printHeader(benchmark, "java -jar benchmarks/target/benchmarks.jar " + String.join(" ", argv));
		switch (benchmark) {
			case "intake" -> IntakeBenchmark.run(root, args);
			case "e2e" -> EndToEndBenchmark.run(root, args);
			case "tasklist" -> TaskListBenchmark.run(root, args);
			case "referrals" -> ReferralListBenchmark.run(root, args);
			case "memory" -> MemoryBenchmark.run(root, args);
			case "codec" -> jmh(EventCodecBenchmark.class, args, true);
			case "token" -> {
				if (args.flag("cpu")) {
					int calls = args.integer("calls", 20000);
					double[] micros = TokenCheckBenchmark.cpuMicrosPerCall(calls);
					System.out.printf(
							"CPU per access-token check (decode, verify RS256, validate): %.1f us; "
									+ "parse only: %.1f us (%d calls each after %d unmeasured)%n",
							micros[0], micros[1], calls, calls);
				}
				else {
					jmh(TokenCheckBenchmark.class, args, false);
				}
			}
			default -> {
				System.err.println("Unknown benchmark '" + benchmark + "'");
				System.err.println(USAGE);
				System.exit(2);
			}
		}
		Machine.printFooter();
		System.exit(0);
	}

	private static void jmh(Class<?> benchmark, Args args, boolean gc) throws Exception {
		int iterations = args.integer("iterations", 5);
		ChainedOptionsBuilder options = new OptionsBuilder().include(benchmark.getName());
		if (gc) {
			options = options.addProfiler("gc");
		}
		options = options.forks(args.integer("forks", 1))
			.warmupIterations(3)
			.warmupTime(TimeValue.seconds(2))
			.measurementIterations(iterations)
			.measurementTime(TimeValue.seconds(2))
			.threads(1);
		new Runner(options.build()).run();
	}

}
