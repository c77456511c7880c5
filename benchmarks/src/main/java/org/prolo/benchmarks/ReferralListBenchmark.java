package org.prolo.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.prolo.launcher.DemoTokens;

/**
 * 7. The physician portal's list: one physician with 10,000 referrals, and the list
 * intake serves the portal (GET /api/referrals, as the portal asks for a page) timed one
 * request at a time for the first page, a middle page, a status filter and a search by
 * the physician's own reference. Seeded through intake's own API as dr-ada (the demo
 * profile lifts the per-physician submission limit); a tenth of the referrals are then
 * set to INFO_REQUESTED directly in intake's table, so the status filter has a selective
 * status to find, and the database is ANALYZEd as autovacuum would (it is off on these
 * machines).
 */
final class ReferralListBenchmark {

	private static final String LIST = "http://127.0.0.1:8081/api/referrals";

	private static final String PHYSICIAN = "dr-ada";

	private static final String DATABASE = "prolo_intake";

	/** How the data was made, for the notes under the result table. */
	private static final List<String> NOTES = new ArrayList<>();

	private ReferralListBenchmark() {
	}

	private static void note(String line) {
		System.out.println("# " + line);
		NOTES.add(line);
	}

	static void run(Path root, Args args) throws Exception {
		int target = args.integer("referrals", 10_000);
		int queries = args.integer("queries", 200);
		int warmup = args.integer("warmup", 20);
		int concurrency = args.integer("concurrency", 16);
		boolean references = !args.flag("no-reference");
		try (Stack stack = Stack.startOrAttach(root, args); IntakeClient client = new IntakeClient(stack.tokens())) {
			seed(client, target, concurrency, references);
			awaitTriage(Duration.ofMinutes(args.integer("settle-minutes", 10)));
			int infoRequested = markInfoRequested();
			analyze();
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			DemoTokens tokens = stack.tokens();
			long total = referralsOf(PHYSICIAN);
			int middle = (int) (total / 20 / 2);
			Map<String, String> cases = new LinkedHashMap<>();
			cases.put("first page (as the portal asks: page=0&size=20)",
					"?referrerId=" + PHYSICIAN + "&page=0&size=20");
			cases.put("middle page (page=" + middle + "&size=20)",
					"?referrerId=" + PHYSICIAN + "&page=" + middle + "&size=20");
			cases.put("status=INFO_REQUESTED (" + infoRequested + " match), first page",
					"?referrerId=" + PHYSICIAN + "&page=0&size=20&status=INFO_REQUESTED");
			// Ten references share the prefix of the one 42 % into the list (REF-0420 at
			// 10,000 referrals: REF-04200 to REF-04209).
			String prefix = "REF-%05d".formatted(total * 42 / 100).substring(0, 8);
			cases.put("reference=" + prefix + " (prefix of 10), first page",
					"?referrerId=" + PHYSICIAN + "&page=0&size=20&reference=" + prefix);
			System.out.printf("# %d queries each after %d unreported ones, one at a time, as %s%n", queries, warmup,
					PHYSICIAN);
			Map<String, LatencyHistogram> results = new LinkedHashMap<>();
			Map<String, Integer> sizes = new LinkedHashMap<>();
			for (var entry : cases.entrySet()) {
				AtomicInteger bytes = new AtomicInteger();
				results.put(entry.getKey(),
						time(http, warmup, queries,
								() -> HttpRequest.newBuilder(URI.create(LIST + entry.getValue()))
									.header("Accept", "application/json")
									.header("Authorization", tokens.bearer(PHYSICIAN))
									.timeout(Duration.ofSeconds(120))
									.build(),
								bytes));
				sizes.put(entry.getKey(), bytes.get());
			}
			System.out.println();
			System.out.printf(
					"| GET /api/referrals, %s with %,d referrals | answer bytes | p50 ms | p95 ms | p99 ms | max ms |%n",
					PHYSICIAN, total);
			System.out.println("|---|---:|---:|---:|---:|---:|");
			results.forEach((name, latency) -> System.out.printf("| %s | %,d | %.1f | %.1f | %.1f | %.1f |%n", name,
					sizes.get(name), latency.percentileMillis(50), latency.percentileMillis(95),
					latency.percentileMillis(99), latency.maxMillis()));
			System.out.println();
			System.out.printf(
					"%d requests of each after %d unreported ones, one at a time, as %s, HTTP/1.1 on one"
							+ " connection. Load average (1/5/15 min) at the start %s, at the end %s.%n",
					queries, warmup, PHYSICIAN, Machine.loadAtStart(), Machine.loadAverage());
			NOTES.forEach(System.out::println);
			System.out.println("An intake that does not page answers every request with the whole list.");
			System.out.println("Target: p99 < 100 ms for a page at 10,000 referrals.");
		}
	}

	/**
	 * Submits until the physician has {@code target} referrals, {@code concurrency} at a
	 * time; the references are REF-00000, REF-00001, ... in submission order.
	 */
	private static void seed(IntakeClient client, int target, int concurrency, boolean references)
			throws SQLException, InterruptedException {
		long present = referralsOf(PHYSICIAN);
		int missing = (int) Math.max(0, target - present);
		System.out.printf("# seeding %,d referrals for %s through POST /api/referrals, %d at a time%n", missing,
				PHYSICIAN, concurrency);
		long started = System.nanoTime();
		Semaphore inFlight = new Semaphore(concurrency);
		AtomicInteger failed = new AtomicInteger();
		List<CompletableFuture<?>> pending = new ArrayList<>();
		for (int i = 0; i < missing; i++) {
			int number = (int) present + i;
			inFlight.acquire();
			pending.add(client.submitAs(PHYSICIAN, number, references ? "REF-%05d".formatted(number) : null)
				.whenComplete((id, error) -> {
					if (error != null || id.isEmpty()) {
						failed.incrementAndGet();
					}
					inFlight.release();
				}));
			if (pending.size() >= 1000) {
				pending.removeIf(CompletableFuture::isDone);
			}
			if (i > 0 && i % 2000 == 0) {
				System.out.printf("#   %,d submitted, %.0f s%n", i, (System.nanoTime() - started) / 1e9);
			}
		}
		CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
		double seconds = (System.nanoTime() - started) / 1e9;
		note(String.format(
				"%,d referrals seeded through intake's POST /api/referrals as %s, %d at a time, in %.1f s"
						+ " (%.0f/s), %d refused or failed.",
				missing, PHYSICIAN, concurrency, seconds, missing / seconds, failed.get()));
	}

	/**
	 * Waits until the workflow has taken every seeded referral into triage, so that the
	 * list is timed on a stack that is not still working through the seeding.
	 */
	private static void awaitTriage(Duration timeout) throws SQLException, InterruptedException {
		long started = System.nanoTime();
		long deadline = started + timeout.toNanos();
		long submitted;
		while ((submitted = count("status = 'SUBMITTED'")) > 0 && System.nanoTime() < deadline) {
			Thread.sleep(5_000);
		}
		note(String.format("Waited %.0f s for the workflow to open triage: %,d referrals still SUBMITTED.",
				(System.nanoTime() - started) / 1e9, submitted));
	}

	/** Every tenth referral (by id) waits for the physician's answer. */
	private static int markInfoRequested() throws SQLException {
		try (Connection connection = Postgres.connect(DATABASE); Statement sql = connection.createStatement()) {
			int marked = sql.executeUpdate("update referral set status = 'INFO_REQUESTED' where referrer_id = '"
					+ PHYSICIAN + "' and abs(hashtext(id)) % 10 = 0");
			note(String.format("%,d of them set to INFO_REQUESTED directly in intake's referral table.", marked));
			return marked;
		}
	}

	private static void analyze() throws SQLException {
		long started = System.nanoTime();
		try (Connection connection = Postgres.connect(DATABASE); Statement sql = connection.createStatement()) {
			sql.execute("analyze");
		}
		note(String.format("ANALYZE of %s before the requests (%.1f s), as autovacuum would: it is off on this server.",
				DATABASE, (System.nanoTime() - started) / 1e9));
	}

	private static long referralsOf(String physician) throws SQLException {
		return count("referrer_id = '" + physician + "'");
	}

	private static long count(String condition) throws SQLException {
		try (Connection connection = Postgres.connect(DATABASE);
				Statement sql = connection.createStatement();
				ResultSet count = sql.executeQuery("select count(*) from referral where " + condition)) {
			count.next();
			return count.getLong(1);
		}
	}

	/**
	 * Each request is built before its clock starts, with a token that is fresh then; a
	 * renewal is never timed.
	 */
	private static LatencyHistogram time(HttpClient http, int warmup, int queries, Supplier<HttpRequest> builder,
			AtomicInteger bytes) throws IOException, InterruptedException {
		LatencyHistogram latency = new LatencyHistogram();
		for (int i = -warmup; i < queries; i++) {
			HttpRequest request = builder.get();
			long started = System.nanoTime();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			long ended = System.nanoTime();
			if (response.statusCode() != 200) {
				throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
						+ response.body().substring(0, Math.min(500, response.body().length())));
			}
			bytes.set(response.body().length());
			if (i >= 0) {
				latency.recordNanos(ended - started);
			}
		}
		return latency;
	}

}
