package org.prolo.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The product as a user meets it: the launcher starts the real broker and the six service jars, and the tests use
 * nothing but HTTP and a plain Kafka consumer that knows only the .avsc files of schemas/.
 */
class SystemTests {

	static final Path ROOT = ComposeFileTests.ROOT;

	static final ObjectMapper json = new ObjectMapper();

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static final List<String> TOPICS = List.of("intake.referral-events", "workflow.referral-events",
			"imaging.imaging-events", "scheduling.appointment-events", "notification.referrer-events");

	static RunningStack stack;

	@BeforeAll
	static void startTheStack() throws Exception {
		Path dataDir = ROOT.resolve("launcher/target/system-test-" + System.currentTimeMillis());
		stack = RunningStack.start(ROOT, dataDir);
	}

	@AfterAll
	static void stopTheStack() throws Exception {
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	void aSubmittedReferralWaitsForTriageAndEveryRecordDecodesWithOnlyTheSchemas() throws Exception {
		String patientName = "Grace Testpatient-" + UUID.randomUUID().toString().substring(0, 8);
		String idempotencyKey = UUID.randomUUID().toString();

		HttpResponse<String> created = submit(referral(patientName), idempotencyKey);
		HttpResponse<String> replayed = submit(referral(patientName), idempotencyKey);

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String location = created.headers().firstValue("Location").orElseThrow();
		String referralId = location.substring(location.lastIndexOf('/') + 1);
		assertThat(replayed.headers().firstValue("Location")).contains(location);

		JsonNode triage = await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> singleTask(referralId), task -> task != null);
		assertThat(triage.get("taskDefinitionKey").asText()).isEqualTo("triage");
		assertThat(get("http://127.0.0.1:8080/engine-rest/task/" + triage.get("id").asText() + "/identity-links"))
			.anySatisfy(link -> assertThat(link.get("groupId").asText()).isEqualTo("intake-coordinators"));
		assertThat(get("http://127.0.0.1:8080/engine-rest/task?candidateUser=ingrid&processInstanceBusinessKey="
				+ referralId))
			.as("the intake coordinator's Tasklist")
			.hasSize(1);
		assertThat(get("http://127.0.0.1:8080/engine-rest/process-instance?businessKey=" + referralId)).hasSize(1);

		var decoder = new SchemasOnlyDecoder(ROOT.resolve("schemas"));
		List<ConsumerRecord<String, byte[]>> records = readAllTopics();
		assertThat(records).isNotEmpty();
		List<GenericRecord> ours = new ArrayList<>();
		for (ConsumerRecord<String, byte[]> record : records) {
			GenericRecord event = decoder.decode(record.value());
			assertThat(header(record, "ce_type")).isEqualTo(event.getSchema().getFullName());
			assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
			assertThat(header(record, "content-type")).isEqualTo("application/avro");
			assertThat(record.key()).isEqualTo(String.valueOf(event.get("referralId")));
			assertThat(new String(record.value(), StandardCharsets.ISO_8859_1)).doesNotContain(patientName);
			if (referralId.equals(record.key())) {
				ours.add(event);
			}
		}
		assertThat(ours).filteredOn(event -> event.getSchema().getName().equals("ReferralSubmitted"))
			.singleElement()
			.satisfies(submitted -> {
				assertThat(String.valueOf(submitted.get("condition"))).isEqualTo("LATERAL_EPICONDYLOSIS");
				assertThat(String.valueOf(submitted.get("patientPseudonym"))).startsWith("P-");
				assertThat(submitted.getSchema().getField("patientName")).isNull();
			});
	}

	private static JsonNode singleTask(String referralId) throws IOException, InterruptedException {
		JsonNode tasks = get("http://127.0.0.1:8080/engine-rest/task?processInstanceBusinessKey=" + referralId);
		return tasks.size() == 1 ? tasks.get(0) : null;
	}

	private static List<ConsumerRecord<String, byte[]>> readAllTopics() {
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				stack.bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(TOPICS);
			long quietSince = System.nanoTime();
			// Read until the topics have been quiet for a few seconds: everything published so far is in.
			while (System.nanoTime() - quietSince < Duration.ofSeconds(5).toNanos()) {
				var batch = consumer.poll(Duration.ofMillis(500));
				if (!batch.isEmpty()) {
					batch.forEach(records::add);
					quietSince = System.nanoTime();
				}
			}
		}
		return records;
	}

	static String referral(String patientName) {
		return """
				{"referrer":{"id":"dr-sys","name":"Dr System Test","email":"sys@referrers.example"},
				 "patient":{"name":"%s","birthDate":"1961-04-12","address":"12 Test Lane"},
				 "condition":"LATERAL_EPICONDYLOSIS","bodySite":"right elbow","painDurationMonths":8,
				 "priorConservativeCare":true,"anticoagulated":false,"allergyToInjectate":false,"pregnant":false,
				 "uncontrolledDiabetes":false,"activeInfectionAtSite":false,"malignancyAtSite":false,
				 "urgency":"ROUTINE","notes":"Tennis elbow for 8 months despite physiotherapy"}
				""".formatted(patientName);
	}

	static HttpResponse<String> submit(String body, String idempotencyKey) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8081/api/referrals"))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", idempotencyKey)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	static JsonNode get(String url) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

}
