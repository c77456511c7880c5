package org.prolo.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.prolo.platform.demosignin.DemoSignIn;

/**
 * No referral is lost or duplicated while processes die.
 *
 * <p>
 * The broker runs in this JVM and the identity service and the six service jars of the
 * workflow run as child processes started as the launcher starts them
 * ({@link CrashStack}). N referrals (system property {@code crash.referrals}, 1000 by
 * default) are submitted over HTTP by dr-ada and dr-ben in turn, each with their own
 * token, each referral with its own Idempotency-Key and retried with the same key while
 * intake (or, for a new token, identity) is down, as a real client does. Meanwhile every
 * service, identity included, is killed with SIGKILL in turn and started again on its
 * data, and the broker is restarted once: tokens issued before identity's restart stay
 * valid, since its signing key is in its data directory. Then every triage task is
 * accepted through the engine's REST API by ingrid, with her token, while notification
 * and scheduling are killed once more. At the end every accepted referral must have
 * exactly one process instance (waiting at record-history), be ACCEPTED (or
 * WAITING_FOR_APPOINTMENT) in intake, have exactly one ACCEPTED letter and exactly one of
 * an exam booking or a waiting-list entry, be known to the timeline, and have at least
 * one ReferralSubmitted on the wire (more are allowed: delivery is at least once); no
 * record may end in a dead-letter topic. Scheduling takes {@code crash.slots-per-day}
 * bookings a day (2 by default), so a run of a few hundred referrals already fills the
 * year and the rest wait on the waiting list.
 *
 * <p>
 * Long run, from the repository root (builds every jar, runs only this test):
 * {@code ./mvnw verify -Psystem -Dtest=CrashTests -Dcrash.referrals=10000 -Dsurefire.failIfNoSpecifiedTests=false}.
 */
// System tier: launches the whole stack, kills and restarts its JVMs.
@Tag("system")
class CrashTests {

	static final Path ROOT = ComposeFileTests.ROOT;

	static final int REFERRALS = Integer.getInteger("crash.referrals", 1000);

	static final int SUBMITTERS = 4;

	static final int CHECKERS = 4;

	/** How long a service stays dead before it is started again. */
	static final Duration DOWN = Duration.ofSeconds(3);

	/**
	 * Every wait below ends when the awaited figure has not moved for this long, so a
	 * slow machine is never mistaken for a lost referral, and a lost one fails the test
	 * instead of hanging it.
	 */
	static final Duration NO_PROGRESS_LIMIT = Duration.ofMinutes(3);

	/**
	 * Once the workflow has settled, every service has had minutes to catch up: a figure
	 * still stuck after this long stays stuck.
	 */
	static final Duration SETTLED_LIMIT = Duration.ofSeconds(60);

	/** The order in which the services die while referrals are submitted and drained. */
	static final List<String> FIRST_ROUND = List.of("intake", "identity", "workflow", "imaging", "scheduling",
			"notification", "timeline");

	/**
	 * Killed once more while their letters and bookings are being produced
	 * ({@code -Dcrash.second-round=notification,scheduling,workflow} adds the workflow).
	 */
	static final List<String> SECOND_ROUND = List
		.of(System.getProperty("crash.second-round", "notification,scheduling").split(","));

	static final String ENGINE = CrashStack.url("workflow", "/engine-rest");

	static final String PROCESS_KEY = "prolotherapy-referral";

	static final ObjectMapper json = new ObjectMapper();

	static final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	/** Whoever asks: ingrid triages, leo checks, demo (Camunda's admin) counts. */
	static final String TRIAGE = "ingrid";

	static final String LEAD = "leo";

	static final String ADMIN = "demo";

	static CrashStack stack;

	static DemoTokens tokens;

	@BeforeAll
	static void startTheStack() throws Exception {
		stack = CrashStack.start(ROOT, ROOT.resolve("launcher/target/crash-test-" + System.currentTimeMillis()));
		tokens = new DemoTokens(CrashStack.identityUrl());
	}

	@AfterAll
	static void stopTheStack() {
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	void noReferralIsLostOrDuplicatedWhileProcessesDie() throws Exception {
		long started = System.nanoTime();
		Map<String, Object> figures = new LinkedHashMap<>();
		ExecutorService chaos = Executors.newSingleThreadExecutor();
		ExecutorService submitters = Executors.newFixedThreadPool(SUBMITTERS);
		try {
			// Signed before identity dies: its key lives in its data directory, so
			// services that fetch the keys again after its restart still take this token.
			String signedBeforeRestart = tokens.bearer("dr-ada");
			// Load, while every service dies in turn and the broker restarts once.
			CrashStack.say("submitting %d referrals", REFERRALS);
			Submissions submissions = new Submissions();
			List<Future<?>> submitting = new ArrayList<>();
			for (int i = 0; i < REFERRALS; i++) {
				int number = i;
				submitting.add(submitters.submit(() -> submissions.submit(number)));
			}
			Future<?> firstRound = chaos.submit(() -> {
				// Intake dies first, with submissions in flight.
				submissions.awaitAnswered(Math.min(100, REFERRALS / 10));
				for (String name : FIRST_ROUND) {
					stack.killAndRestart(name, DOWN);
					if (name.equals("workflow")) {
						stack.restartBroker(DOWN);
					}
				}
				return null;
			});
			for (Future<?> submission : submitting) {
				submission.get();
			}
			CrashStack.say("%d referrals answered by intake", REFERRALS);
			firstRound.get();
			// The workflow restarted after identity, so it checks with keys fetched anew.
			// Asked now, not after triage: a large run outlasts the token's 30 minutes.
			int oldTokenAnswer = statusOf(ENGINE + "/task/count", signedBeforeRestart);
			Set<String> accepted = submissions.acceptedReferralIds();
			figures.put("referrals submitted (N)", REFERRALS);
			figures.put("accepted by intake (201)", accepted.size());
			figures.put("refused by intake (4xx)", submissions.refused.size());
			figures.put("submissions retried", submissions.retried.get());
			figures.put("retry attempts", submissions.retryAttempts.get());
			figures.put("token from before identity's restart: workflow answers", oldTokenAnswer);

			// Triage, while notification and scheduling die once more.
			CrashStack.say("accepting every triage task");
			Future<?> secondRound = chaos.submit(() -> {
				for (String name : SECOND_ROUND) {
					stack.killAndRestart(name, DOWN);
				}
				return null;
			});
			int triaged = acceptEveryTriageTask(accepted.size(), secondRound);
			secondRound.get();
			stack.kills().forEach((name, kills) -> figures.put("kills: " + name, kills));
			figures.put("broker restarts", stack.brokerRestarts());
			figures.put("triage tasks completed", triaged);

			// Wait until nothing is missing any more (or nothing has moved for minutes).
			CrashStack.say("%d triage tasks completed; checking every service", triaged);
			awaitProcesses(accepted);
			Set<String> notAccepted = awaitEach(accepted,
					id -> get(CrashStack.url("intake", "/api/referrals/" + id), LEAD)
						.map(view -> view.path("status").asText())
						.filter(status -> "ACCEPTED".equals(status) || "WAITING_FOR_APPOINTMENT".equals(status))
						.isPresent());
			Set<String> noLetter = awaitEach(accepted, id -> acceptedLetters(id) >= 1);
			Set<String> noExam = awaitEach(accepted, id -> examBookings(id) + waitingEntries(id) >= 1);
			Set<String> notOnTimeline = awaitEach(accepted,
					id -> get(CrashStack.url("timeline", "/api/referrals/" + id + "/timeline"), LEAD).isPresent());

			// The wire, read to its end, then the final count of everything.
			CrashStack.say("reading every topic");
			Wire wire = readEveryTopic();
			Map<String, Integer> instances = processInstancesByBusinessKey();
			Set<String> atRecordHistory = businessKeysWaitingAt("record-history");
			Map<String, Integer> letters = countEach(accepted, CrashTests::acceptedLetters);
			Map<String, Integer> exams = countEach(accepted, CrashTests::examBookings);
			Map<String, Integer> waiting = countEach(accepted, CrashTests::waitingEntries);
			Map<String, Integer> bookedOrWaiting = new HashMap<>(exams);
			waiting.forEach((id, count) -> bookedOrWaiting.merge(id, count, Integer::sum));

			int instanceTotal = instances.values().stream().mapToInt(Integer::intValue).sum();
			Set<String> orphans = new HashSet<>(instances.keySet());
			orphans.removeAll(accepted);
			figures.put("process instances (total)", instanceTotal);
			figures.put("process instances (distinct referrals)", instances.size());
			figures.put("referrals without a process (lost)", missing(accepted, instances));
			figures.put("referrals with >1 process (duplicated)", duplicated(instances));
			figures.put("processes of no accepted referral", orphans.size());
			figures.put("referrals at record-history", count(accepted, atRecordHistory::contains));
			figures.put("intake: not ACCEPTED / unknown (lost)", notAccepted.size());
			figures.put("ACCEPTED letters", total(letters));
			figures.put("letters: referrals without (lost)", missing(accepted, letters));
			figures.put("letters: duplicates", duplicates(letters));
			figures.put("EXAM bookings", total(exams));
			figures.put("waiting-list entries", total(waiting));
			figures.put("booked or waiting: referrals with neither (lost)", missing(accepted, bookedOrWaiting));
			figures.put("booked or waiting: duplicates or both", duplicates(bookedOrWaiting));
			figures.put("timeline: referrals unknown (lost)", notOnTimeline.size());
			figures.put("wire: records read", wire.records);
			figures.put("wire: ReferralSubmitted records", total(wire.submitted));
			figures.put("wire: accepted referrals without ReferralSubmitted", missing(accepted, wire.submitted));
			figures.put("wire: ReferralSubmitted duplicates (allowed)", duplicates(wire.submitted));
			figures.put("wire: ReferralTriaged duplicates (allowed)", duplicates(wire.triaged));
			figures.put("wire: dead letters", wire.deadLetters);
			figures.put("elapsed seconds", (System.nanoTime() - started) / 1_000_000_000L);
			System.out.println(table(figures));
			printExamples("without a process", accepted.stream().filter(id -> !instances.containsKey(id)).toList());
			printExamples("with >1 process", keysAbove(instances));
			printExamples("process of no accepted referral", orphans);
			printExamples("not ACCEPTED in intake", notAccepted);
			printExamples("with >1 ACCEPTED letter", keysAbove(letters));
			printExamples("without a letter", noLetter);
			printExamples("with >1 EXAM booking", keysAbove(exams));
			printExamples("with more than one of booking and waiting-list entry", keysAbove(bookedOrWaiting));
			printExamples("neither booked nor waiting", noExam);
			printExamples("unknown to the timeline", notOnTimeline);

			SoftAssertions softly = new SoftAssertions();
			softly.assertThat(submissions.refused).as("refused submissions").isEmpty();
			softly.assertThat(oldTokenAnswer).as("a token signed before identity's restart, after it").isEqualTo(200);
			softly.assertThat(accepted).as("accepted referrals").hasSize(REFERRALS);
			softly.assertThat(keysAbove(instances)).as("referrals with more than one process instance").isEmpty();
			softly.assertThat(accepted.stream().filter(id -> !instances.containsKey(id)).toList())
				.as("accepted referrals without a process instance")
				.isEmpty();
			softly.assertThat(orphans).as("process instances of no accepted referral").isEmpty();
			softly.assertThat(accepted.stream().filter(id -> !atRecordHistory.contains(id)).toList())
				.as("accepted referrals not waiting at record-history")
				.isEmpty();
			softly.assertThat(notAccepted).as("referrals not ACCEPTED in intake").isEmpty();
			softly.assertThat(noLetter).as("referrals without an ACCEPTED letter").isEmpty();
			softly.assertThat(keysAbove(letters)).as("referrals with more than one ACCEPTED letter").isEmpty();
			softly.assertThat(noExam).as("referrals neither booked nor on the waiting list").isEmpty();
			softly.assertThat(keysAbove(bookedOrWaiting))
				.as("referrals with more than one of an EXAM booking and a waiting-list entry")
				.isEmpty();
			softly.assertThat(wire.deadLetters).as("records in dead-letter topics").isZero();
			softly.assertThat(notOnTimeline).as("referrals unknown to the timeline").isEmpty();
			softly.assertThat(accepted.stream().filter(id -> !wire.submitted().containsKey(id)).toList())
				.as("accepted referrals with no ReferralSubmitted on the wire")
				.isEmpty();
			softly.assertAll();
		}
		finally {
			chaos.shutdownNow();
			submitters.shutdownNow();
		}
	}

	/**
	 * Accepts every triage task as it appears, until every accepted referral has a
	 * process and none waits at triage, or nothing has moved for
	 * {@link #NO_PROGRESS_LIMIT}.
	 */
	private static int acceptEveryTriageTask(int accepted, Future<?> chaosRound) throws Exception {
		ExecutorService completers = Executors.newFixedThreadPool(3);
		AtomicInteger completed = new AtomicInteger();
		try {
			Progress progress = new Progress();
			while (true) {
				JsonNode tasks = get(ENGINE + "/task?processDefinitionKey=" + PROCESS_KEY
						+ "&taskDefinitionKey=triage&sortBy=created&sortOrder=asc&maxResults=300", TRIAGE)
					.orElse(json.createArrayNode());
				if (!tasks.isEmpty()) {
					List<Future<?>> batch = new ArrayList<>();
					for (JsonNode task : tasks) {
						batch.add(completers.submit(() -> {
							if (completeTriage(task.get("id").asText())) {
								completed.incrementAndGet();
							}
						}));
					}
					for (Future<?> completion : batch) {
						completion.get();
					}
					progress.moved(completed.get());
					continue;
				}
				long instances = get(ENGINE + "/history/process-instance/count?processDefinitionKey=" + PROCESS_KEY,
						ADMIN)
					.map(count -> count.path("count").asLong())
					.orElse(0L);
				if (instances >= accepted && chaosRound.isDone()) {
					return completed.get();
				}
				if (progress.stalled(instances)) {
					return completed.get();
				}
				Thread.sleep(1000);
			}
		}
		finally {
			completers.shutdownNow();
		}
	}

	private static boolean completeTriage(String taskId) {
		try {
			HttpResponse<String> response = post(ENGINE + "/task/" + taskId + "/complete",
					"{\"variables\":{\"triageOutcome\":{\"value\":\"ACCEPTED\"}}}", null, TRIAGE);
			if (response.statusCode() == 403) {
				throw new IllegalStateException(TRIAGE + " may not complete triage: " + response.body());
			}
			return response.statusCode() == 204;
		}
		catch (IOException | DemoSignIn.SignInFailedException ex) {
			// The task is still open and the next fetch finds it again.
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * The triage loop already waited for the processes to start; this waits for the last
	 * completions to land.
	 */
	private static void awaitProcesses(Set<String> accepted) throws InterruptedException {
		Progress progress = new Progress(SETTLED_LIMIT);
		while (true) {
			Map<String, Integer> instances = processInstancesByBusinessKey();
			Set<String> waiting = businessKeysWaitingAt("record-history");
			long done = accepted.stream().filter(id -> instances.containsKey(id) && waiting.contains(id)).count();
			if (done == accepted.size() || progress.stalled(done)) {
				return;
			}
			Thread.sleep(2000);
		}
	}

	/**
	 * The referral id of each instance of the process, counted, over the history (so an
	 * instance that ended still counts).
	 */
	private static Map<String, Integer> processInstancesByBusinessKey() {
		Map<String, Integer> byKey = new HashMap<>();
		int page = 1000;
		for (int first = 0;; first += page) {
			JsonNode instances = getOrFail(ENGINE + "/history/process-instance?processDefinitionKey=" + PROCESS_KEY
					+ "&sortBy=instanceId&sortOrder=asc&firstResult=" + first + "&maxResults=" + page, ADMIN);
			instances.forEach(instance -> byKey.merge(instance.path("businessKey").asText(), 1, Integer::sum));
			if (instances.size() < page) {
				return byKey;
			}
		}
	}

	private static Set<String> businessKeysWaitingAt(String taskKey) {
		Map<String, String> keyOfInstance = new HashMap<>();
		int page = 1000;
		for (int first = 0;; first += page) {
			JsonNode instances = getOrFail(ENGINE + "/process-instance?processDefinitionKey=" + PROCESS_KEY
					+ "&sortBy=instanceId&sortOrder=asc&firstResult=" + first + "&maxResults=" + page, ADMIN);
			instances.forEach(
					instance -> keyOfInstance.put(instance.path("id").asText(), instance.path("businessKey").asText()));
			if (instances.size() < page) {
				break;
			}
		}
		Set<String> keys = new HashSet<>();
		for (int first = 0;; first += page) {
			JsonNode tasks = getOrFail(ENGINE + "/task?processDefinitionKey=" + PROCESS_KEY + "&taskDefinitionKey="
					+ taskKey + "&sortBy=id&sortOrder=asc&firstResult=" + first + "&maxResults=" + page, ADMIN);
			tasks.forEach(task -> keys.add(keyOfInstance.get(task.path("processInstanceId").asText())));
			if (tasks.size() < page) {
				return keys;
			}
		}
	}

	private static int acceptedLetters(String referralId) {
		return get(CrashStack.url("notification", "/api/letters?referralId=" + referralId), LEAD).map(letters -> {
			int count = 0;
			for (JsonNode letter : letters) {
				count += "ACCEPTED".equals(letter.path("kind").asText()) ? 1 : 0;
			}
			return count;
		}).orElse(0);
	}

	private static int waitingEntries(String referralId) {
		return get(CrashStack.url("scheduling", "/api/referrals/" + referralId + "/waiting-list"), LEAD)
			.map(entries -> {
				int count = 0;
				for (JsonNode entry : entries) {
					count += "EXAM".equals(entry.path("purpose").asText()) ? 1 : 0;
				}
				return count;
			})
			.orElse(0);
	}

	private static int examBookings(String referralId) {
		return get(CrashStack.url("scheduling", "/api/referrals/" + referralId + "/appointments"), LEAD)
			.map(appointments -> {
				int count = 0;
				for (JsonNode appointment : appointments) {
					count += "EXAM".equals(appointment.path("purpose").asText()) ? 1 : 0;
				}
				return count;
			})
			.orElse(0);
	}

	/**
	 * Checks each referral until it passes; returns those that never did because nothing
	 * moved for {@link #SETTLED_LIMIT}.
	 */
	private static Set<String> awaitEach(Collection<String> ids, Predicate<String> passes) throws Exception {
		Set<String> pending = ConcurrentHashMap.newKeySet();
		pending.addAll(ids);
		Progress progress = new Progress(SETTLED_LIMIT);
		ExecutorService checkers = Executors.newFixedThreadPool(CHECKERS);
		try {
			while (!pending.isEmpty() && !progress.stalled(ids.size() - pending.size())) {
				List<Future<?>> round = new ArrayList<>();
				for (String id : List.copyOf(pending)) {
					round.add(checkers.submit(() -> {
						if (passes.test(id)) {
							pending.remove(id);
						}
					}));
				}
				for (Future<?> check : round) {
					check.get();
				}
				if (!pending.isEmpty()) {
					Thread.sleep(2000);
				}
			}
			return Set.copyOf(pending);
		}
		finally {
			checkers.shutdownNow();
		}
	}

	private static Map<String, Integer> countEach(Collection<String> ids, ToIntFunction<String> count)
			throws Exception {
		Map<String, Integer> counts = new ConcurrentHashMap<>();
		ExecutorService checkers = Executors.newFixedThreadPool(CHECKERS);
		try {
			List<Future<?>> all = new ArrayList<>();
			for (String id : ids) {
				all.add(checkers.submit(() -> {
					int found = count.applyAsInt(id);
					if (found > 0) {
						counts.put(id, found);
					}
				}));
			}
			for (Future<?> one : all) {
				one.get();
			}
			return counts;
		}
		finally {
			checkers.shutdownNow();
		}
	}

	/** What went over Kafka, every topic read from its beginning to its current end. */
	record Wire(long records, Map<String, Integer> submitted, Map<String, Integer> triaged, long deadLetters) {
	}

	private static Wire readEveryTopic() {
		Map<String, Integer> submitted = new HashMap<>();
		Map<String, Integer> triaged = new HashMap<>();
		long records = 0;
		long deadLetters = 0;
		Map<String, Object> config = stack.clientConfig();
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "crash-test-" + UUID.randomUUID());
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
		try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.listTopics(Duration.ofSeconds(30))
				.entrySet()
				.stream()
				.filter(topic -> !topic.getKey().startsWith("__"))
				.flatMap(topic -> topic.getValue().stream())
				.map(info -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
			Progress progress = new Progress();
			while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))
					&& !progress.stalled(records)) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					records++;
					if (record.topic().endsWith(".DLT")) {
						deadLetters++;
					}
					else if ("org.prolo.events.ReferralSubmitted".equals(header(record, "ce_type"))) {
						submitted.merge(record.key(), 1, Integer::sum);
					}
					else if ("org.prolo.events.ReferralTriaged".equals(header(record, "ce_type"))) {
						triaged.merge(record.key(), 1, Integer::sum);
					}
				}
			}
		}
		return new Wire(records, submitted, triaged, deadLetters);
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	/**
	 * The client side: N referrals, each retried with its own key until intake answers.
	 */
	static final class Submissions {

		final Map<Integer, String> accepted = new ConcurrentHashMap<>();

		final Map<Integer, String> refused = new ConcurrentHashMap<>();

		final AtomicInteger retried = new AtomicInteger();

		final AtomicInteger retryAttempts = new AtomicInteger();

		private final AtomicInteger answered = new AtomicInteger();

		void submit(int number) {
			String idempotencyKey = UUID.randomUUID().toString();
			String physician = DemoReferrals.referrer(number + 1).id();
			String body = SystemTests.referral("Crash Patient-" + number, physician);
			boolean retrying = false;
			Progress progress = new Progress();
			while (!progress.stalled(0)) {
				try {
					HttpResponse<String> response = post(CrashStack.url("intake", "/api/referrals"), body,
							idempotencyKey, physician);
					if (response.statusCode() == 201) {
						String location = response.headers().firstValue("Location").orElseThrow();
						accepted.put(number, location.substring(location.lastIndexOf('/') + 1));
						answered.incrementAndGet();
						return;
					}
					if (response.statusCode() == 401) {
						// Intake could not check the token (identity away): a new one,
						// and again.
						tokens.forget(physician);
					}
					else if (response.statusCode() < 500) {
						refused.put(number, response.statusCode() + " " + response.body());
						answered.incrementAndGet();
						return;
					}
				}
				catch (IOException | DemoSignIn.SignInFailedException ex) {
					// Connection refused or reset: intake is down, or identity while the
					// token was due for renewal; a real client tries again.
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				if (!retrying) {
					retried.incrementAndGet();
					retrying = true;
				}
				retryAttempts.incrementAndGet();
				try {
					Thread.sleep(250);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
			refused.put(number, "intake did not answer for " + NO_PROGRESS_LIMIT);
		}

		void awaitAnswered(int count) throws InterruptedException {
			while (answered.get() < count && answered.get() + refused.size() < REFERRALS) {
				Thread.sleep(100);
			}
		}

		Set<String> acceptedReferralIds() {
			return Set.copyOf(accepted.values());
		}

	}

	/** Tells when a figure has stopped moving for a while. */
	static final class Progress {

		private final Duration limit;

		private long last = Long.MIN_VALUE;

		private long since = System.nanoTime();

		Progress() {
			this(NO_PROGRESS_LIMIT);
		}

		Progress(Duration limit) {
			this.limit = limit;
		}

		void moved(long figure) {
			stalled(figure);
		}

		boolean stalled(long figure) {
			if (figure != last) {
				last = figure;
				since = System.nanoTime();
				return false;
			}
			return System.nanoTime() - since > limit.toNanos();
		}

	}

	static HttpResponse<String> post(String url, String body, String idempotencyKey, String user)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.header("Authorization", tokens.bearer(user))
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * The JSON at this URL as the user sees it, or empty when it is not there (404) or
	 * the service (or, for a new token, identity) is away.
	 */
	static Optional<JsonNode> get(String url, String user) {
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
				.timeout(Duration.ofSeconds(60))
				.header("Authorization", tokens.bearer(user))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 403) {
				// Missing rights would look like lost referrals: say so at once.
				throw new IllegalStateException(url + " refused " + user + ": " + response.body());
			}
			if (response.statusCode() == 401) {
				// A service that could not check the token (identity away when its key
				// cache ran out): sign in again and ask later, as a client would.
				tokens.forget(user);
				return Optional.empty();
			}
			return response.statusCode() == 200 ? Optional.of(json.readTree(response.body())) : Optional.empty();
		}
		catch (IOException | DemoSignIn.SignInFailedException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	private static int statusOf(String url, String authorization) throws IOException, InterruptedException {
		return http
			.send(HttpRequest.newBuilder(URI.create(url))
				.timeout(Duration.ofSeconds(60))
				.header("Authorization", authorization)
				.GET()
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private static JsonNode getOrFail(String url, String user) {
		for (int attempt = 0; attempt < 60; attempt++) {
			Optional<JsonNode> found = get(url, user);
			if (found.isPresent()) {
				return found.get();
			}
			try {
				Thread.sleep(1000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw new IllegalStateException("No answer from " + url);
	}

	private static long missing(Set<String> ids, Map<String, Integer> counts) {
		return ids.stream().filter(id -> !counts.containsKey(id)).count();
	}

	private static long duplicated(Map<String, Integer> counts) {
		return counts.values().stream().filter(count -> count > 1).count();
	}

	/** The copies beyond the first, summed over all referrals. */
	private static long duplicates(Map<String, Integer> counts) {
		return counts.values().stream().mapToLong(count -> Math.max(0, count - 1)).sum();
	}

	private static long total(Map<String, Integer> counts) {
		return counts.values().stream().mapToLong(Integer::longValue).sum();
	}

	private static long count(Set<String> ids, Predicate<String> condition) {
		return ids.stream().filter(condition).count();
	}

	private static List<String> keysAbove(Map<String, Integer> counts) {
		return counts.entrySet().stream().filter(entry -> entry.getValue() > 1).map(Map.Entry::getKey).toList();
	}

	private static void printExamples(String what, Collection<String> ids) {
		if (!ids.isEmpty()) {
			System.out.println("  " + ids.size() + " referral(s) " + what + ", e.g. "
					+ ids.stream().sorted().limit(5).collect(Collectors.joining(", ")));
		}
	}

	static String table(Map<String, Object> figures) {
		int width = figures.keySet().stream().mapToInt(String::length).max().orElse(10);
		StringBuilder table = new StringBuilder("\n=== CrashTests: no referral lost or duplicated ===\n");
		figures.forEach((label, value) -> table.append(String.format("  %-" + width + "s %10s%n", label, value)));
		table.append("  data and service logs: ").append(stack.dataDir()).append('\n');
		return table.toString();
	}

}
