package org.prolo.launcher;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas of each service of the referral workflow on one PostgreSQL and one broker
 * ({@link ReplicaStack}). A batch of referrals is submitted through both intake replicas
 * and worked through both workflow and imaging replicas; midway the second replica of
 * every service stops, and the rest of the work goes through the first ones. At the end
 * no referral, booking, letter or mail is lost or there twice, the per-physician
 * submission limit held across the two intake replicas, the scheduled re-sends ran under
 * their lease, and the consumers of the stopped replicas were replaced by the survivors'
 * (the work after the stop needed their partitions).
 */
@Tag("system")
class ReplicasSystemTests {

	static final Path ROOT = ComposeFileTests.ROOT;

	/** Each physician's budget in this stack: a token grows back only once a minute. */
	static final int BURST = 6;

	static final Duration TIMEOUT = Duration.ofSeconds(180);

	static final List<String> TOPICS = List.of("intake.referral-events", "workflow.referral-events",
			"imaging.imaging-events", "scheduling.appointment-events", "notification.referrer-events");

	static ReplicaStack stack;

	static DemoTokens tokens;

	@BeforeAll
	static void startTwoReplicasOfEachService() throws Exception {
		Path dataDir = ROOT.resolve("launcher/target/replicas-test-" + System.currentTimeMillis());
		// The scheduled re-sends every few seconds, so that they run on both replicas
		// while the test does.
		List<String> intake = List.of("--intake.submissions.rate-limit.per-minute=1",
				"--intake.submissions.rate-limit.burst=" + BURST, "--intake.outbox.retry-interval=PT5S");
		stack = ReplicaStack.start(ROOT, dataDir,
				Map.of("intake", intake, "notification", List.of("--prolo.notification.outbox-retry=PT5S")));
		tokens = new DemoTokens(ServiceSpec.IDENTITY_URL);
	}

	@AfterAll
	static void stopTheStack() {
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	void aBatchSurvivesLosingOneReplicaOfEachServiceWithNothingLostOrTwice() throws Exception {
		// The limit across both intake replicas: the burst spread over both, and the
		// next submission refused on either.
		List<String> referrals = new ArrayList<>();
		Map<String, String> referrers = new HashMap<>();
		for (String physician : List.of("dr-ben", "dr-ada")) {
			for (int i = 0; i < BURST; i++) {
				HttpResponse<String> created = submit(physician, 1 + i % 2);
				assertThat(created.statusCode()).as(physician + " #" + i + ": " + created.body()).isEqualTo(201);
				String location = created.headers().firstValue("Location").orElseThrow();
				String referralId = location.substring(location.lastIndexOf('/') + 1);
				referrals.add(referralId);
				referrers.put(referralId, physician);
			}
		}
		for (int replica : List.of(1, 2)) {
			HttpResponse<String> refused = submit("dr-ben", replica);
			assertThat(refused.statusCode()).as("over the limit on intake-" + replica + ": " + refused.body())
				.isEqualTo(429);
			assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		}

		// The first half of the work, spread over both workflow and imaging replicas.
		for (int i = 0; i < referrals.size(); i++) {
			int replica = 1 + i % 2;
			String referralId = referrals.get(i);
			complete(replica, referralId, "triage", "ingrid", Map.of("triageOutcome", "ACCEPTED"));
			complete(replica, referralId, "record-history", "carl",
					Map.of("painLocation", "lateral right elbow", "painDurationMonths", 8, "painScore", 5,
							"priorConservativeCare", true, "anticoagulated", false, "allergyToInjectate", false,
							"pregnant", false, "uncontrolledDiabetes", false, "medications", "ibuprofen"));
			complete(replica, referralId, "physical-exam", "clara",
					Map.of("rangeOfMotion", "full", "ligamentLaxity", false, "jointStable", true,
							"fullThicknessTearSuspected", false, "imagingNeeded", true, "tenderInsertions",
							"common extensor origin", "imagingModality", "ULTRASOUND", "imagingBodyRegion",
							"right elbow", "imagingClinicalQuestion", "Tendinosis or partial tear?"));
		}
		List<String> reportedBeforeTheStop = referrals.subList(0, referrals.size() / 2);
		for (String referralId : reportedBeforeTheStop) {
			report(2, referralId);
		}
		Map<String, Integer> membersBefore = groupMembers();
		assertThat(membersBefore).as("consumer group members with both replicas up")
			.allSatisfy((group, members) -> assertThat(members).as(group).isGreaterThanOrEqualTo(2));

		stack.stopSecondReplicas();

		// The consumers of the stopped replicas leave their groups; the survivors take
		// their partitions.
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(groupMembers())
				.allSatisfy((group, members) -> assertThat(members).as(group).isEqualTo(membersBefore.get(group) / 2)));
		// The rest of the work, through the first replicas only.
		for (String referralId : referrals.subList(referrals.size() / 2, referrals.size())) {
			report(1, referralId);
		}
		for (String referralId : referrals) {
			complete(1, referralId, "confirm-suitability", "clara", Map.of("suitabilityDecision", "SUITABLE"));
			complete(1, referralId, "plan-course", "clara", Map.of("sessions", 5, "intervalWeeks", 4, "dextrosePercent",
					25.0, "injectionSites", "common extensor origin"));
		}

		Map<String, Integer> letterCounts = new HashMap<>();
		for (String referralId : referrals) {
			await().atMost(TIMEOUT)
				.untilAsserted(() -> assertThat(
						get(ReplicaStack.url("intake", 1, "/api/referrals/" + referralId), referrers.get(referralId))
							.get("status")
							.asText())
					.as(referralId)
					.isEqualTo("COURSE_PLANNED"));
			JsonNode letters = await().atMost(TIMEOUT)
				.until(() -> get(ReplicaStack.url("notification", 1, "/api/letters?referralId=" + referralId), "leo"),
						found -> SystemTests.kinds(found).containsAll(List.of("ACCEPTED", "CLOSED"))
								&& SystemTests.allNotified(found));
			assertThat(SystemTests.kinds(letters)).as(referralId).containsOnlyOnce("ACCEPTED", "CLOSED");
			letterCounts.put(referralId, letters.size());
			// The exam and the five sessions of the course, each booked once.
			JsonNode appointments = await().atMost(TIMEOUT)
				.until(() -> get(ReplicaStack.url("scheduling", 1, "/api/referrals/" + referralId + "/appointments"),
						"carl"), booked -> booked.size() >= 6);
			assertThat(appointments).as(referralId).hasSize(6);
		}
		JsonNode mailbox = get(ReplicaStack.url("notification", 1, "/api/mailbox"), "leo");
		for (String referralId : referrals) {
			assertThat(mailbox).as("mails about " + referralId)
				.filteredOn(mail -> mail.get("body").asText().contains(referralId))
				.hasSize(letterCounts.get(referralId));
		}

		// On the broker: each fact once (a copy under the same ce_id is allowed, and
		// dropped by every consumer).
		Map<String, Set<String>> eventIds = new HashMap<>();
		var decoder = new SchemasOnlyDecoder(ROOT.resolve("schemas"));
		for (ConsumerRecord<String, byte[]> record : readAllTopics()) {
			GenericRecord event = decoder.decode(record.value());
			String key = record.key() + " " + event.getSchema().getName();
			eventIds.computeIfAbsent(key, k -> new HashSet<>()).add(SystemTests.header(record, "ce_id"));
		}
		for (String referralId : referrals) {
			for (String once : List.of("ReferralSubmitted", "ReferralTriaged", "ImagingRequested", "ImagingReported",
					"SuitabilityDecided", "CoursePlanned", "ReferralClosed")) {
				assertThat(eventIds.get(referralId + " " + once)).as(referralId + " " + once).hasSize(1);
			}
			assertThat(eventIds.get(referralId + " ReferrerNotified")).as(referralId + " ReferrerNotified")
				.hasSize(letterCounts.get(referralId));
		}

		// The periodic re-sends ran, each under its lease (one node a period).
		assertThat(stack.query("intake", "select count(*) from job_lease where job_name = 'intake.outbox-retry'"))
			.isEqualTo("1");
		assertThat(stack.query("notification",
				"select count(*) from job_lease where job_name = 'notification.outbox-retry'"))
			.isEqualTo("1");
		assertThat(stack.query("intake", "select count(*) from submission_budget")).isEqualTo("2");
	}

	private static HttpResponse<String> submit(String physician, int replica) throws Exception {
		String body = SystemTests.referral("Rhea Testpatient-" + UUID.randomUUID().toString().substring(0, 8),
				physician);
		return SystemTests.send(SystemTests.json(ReplicaStack.url("intake", replica, "/api/referrals"), body)
			.header("Idempotency-Key", UUID.randomUUID().toString()), tokens.bearer(physician));
	}

	/** The radiology system reports on the referral's open order, through one replica. */
	private static void report(int replica, String referralId) throws Exception {
		JsonNode order = await().atMost(TIMEOUT).until(() -> openImagingOrder(replica, referralId), o -> o != null);
		HttpResponse<String> reported = SystemTests.send(SystemTests
			.json(ReplicaStack.url("imaging", replica, "/api/imaging-orders/" + order.get("id").asText() + "/report"),
					"{\"redFlag\":false,\"fullThicknessTear\":false,\"osteoarthritisGrade\":0,"
							+ "\"report\":\"Common extensor tendinosis, no tear.\"}"),
				tokens.clientBearer("radiology"));
		assertThat(reported.statusCode()).as(reported.body()).isBetween(200, 202);
	}

	private static JsonNode openImagingOrder(int replica, String referralId) throws Exception {
		for (JsonNode order : get(ReplicaStack.url("imaging", replica, "/api/imaging-orders?status=OPEN"), "carl")) {
			if (order.get("referralId").asText().equals(referralId)) {
				return order;
			}
		}
		return null;
	}

	/** Completes the referral's open task through one workflow replica's REST API. */
	private static void complete(int replica, String referralId, String taskKey, String user,
			Map<String, Object> variables) throws Exception {
		String engine = ReplicaStack.url("workflow", replica, "/engine-rest");
		JsonNode task = await().atMost(TIMEOUT)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> get(
					engine + "/task?processInstanceBusinessKey=" + referralId + "&taskDefinitionKey=" + taskKey, user),
					tasks -> tasks.size() == 1)
			.get(0);
		var body = SystemTests.json.createObjectNode();
		var vars = body.putObject("variables");
		variables.forEach((name, value) -> vars.putObject(name).set("value", SystemTests.json.valueToTree(value)));
		HttpResponse<String> response = SystemTests.send(
				SystemTests.json(engine + "/task/" + task.get("id").asText() + "/complete", body.toString()),
				tokens.bearer(user));
		assertThat(response.statusCode()).as(taskKey + " of " + referralId + ": " + response.body()).isEqualTo(204);
	}

	private static JsonNode get(String url, String user) throws Exception {
		HttpResponse<String> response = SystemTests.send(HttpRequest.newBuilder(URI.create(url)).GET(),
				tokens.bearer(user));
		assertThat(response.statusCode()).as(url + " as " + user + ": " + response.body()).isEqualTo(200);
		return SystemTests.json.readTree(response.body());
	}

	/**
	 * The members of each replicated service's consumer group (one per listener per
	 * replica).
	 */
	private static Map<String, Integer> groupMembers() throws Exception {
		try (Admin admin = Admin.create(stack.clientConfig())) {
			Map<String, Integer> members = new HashMap<>();
			for (ConsumerGroupDescription group : admin.describeConsumerGroups(ReplicaStack.REPLICATED)
				.all()
				.get()
				.values()) {
				members.put(group.groupId(), group.members().size());
			}
			return members;
		}
	}

	private static List<ConsumerRecord<String, byte[]>> readAllTopics() {
		Map<String, Object> config = new HashMap<>(stack.clientConfig());
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "replicas-test-" + UUID.randomUUID());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
			consumer.subscribe(TOPICS);
			return SystemTests.untilQuiet(consumer);
		}
	}

}
