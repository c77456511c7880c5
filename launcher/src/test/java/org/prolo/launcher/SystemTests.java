package org.prolo.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
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
 * The product as a user meets it: the launcher starts the real broker and the six service
 * jars, and the tests use nothing but HTTP and a plain Kafka consumer that knows only the
 * .avsc files of schemas/.
 */
class SystemTests {

	static final Path ROOT = ComposeFileTests.ROOT;

	static final ObjectMapper json = new ObjectMapper();

	/** The demo patients' birth date and address; their names carry "Testpatient". */
	static final String BIRTH_DATE = "1961-04-12";

	static final String ADDRESS = "12 Test Lane";

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static final List<String> TOPICS = List.of("intake.referral-events", "workflow.referral-events",
			"imaging.imaging-events", "scheduling.appointment-events", "notification.referrer-events");

	static final Map<String, Integer> PORTS = Map.of("workflow", 8080, "intake", 8081, "imaging", 8082, "scheduling",
			8083, "notification", 8084, "timeline", 8085);

	static RunningStack stack;

	static Path dataDir;

	@BeforeAll
	static void startTheStack() throws Exception {
		dataDir = ROOT.resolve("launcher/target/system-test-" + System.currentTimeMillis());
		stack = RunningStack.start(ROOT, dataDir, "--no-demo-settings");
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
		assertThat(get(
				"http://127.0.0.1:8080/engine-rest/task?candidateUser=ingrid&processInstanceBusinessKey=" + referralId))
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
			assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain(patientName)
				.doesNotContain(BIRTH_DATE)
				.doesNotContain(ADDRESS);
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
		noServiceLogsPatientData(patientName);
	}

	@Test
	void aReferralGoesFromSubmissionToAPlannedCourseAndTheReferrerHearsOfIt() throws Exception {
		// The physician's system starts the trace; its id must reach every service.
		String traceId = UUID.randomUUID().toString().replace("-", "");
		HttpResponse<String> created = submit(
				referral("Ada Testpatient").replace("LATERAL_EPICONDYLOSIS", "KNEE_OSTEOARTHRITIS"),
				UUID.randomUUID().toString(), "00-" + traceId + "-" + traceId.substring(0, 16) + "-01");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String location = created.headers().firstValue("Location").orElseThrow();
		String referralId = location.substring(location.lastIndexOf('/') + 1);

		complete(referralId, "triage", Map.of("triageOutcome", "ACCEPTED"));
		complete(referralId, "record-history",
				Map.of("painLocation", "medial left knee", "painDurationMonths", 9, "painScore", 6,
						"priorConservativeCare", true, "anticoagulated", false, "allergyToInjectate", false, "pregnant",
						false, "uncontrolledDiabetes", false, "medications", "paracetamol"));
		complete(referralId, "physical-exam",
				Map.of("rangeOfMotion", "flexion 110", "ligamentLaxity", true, "jointStable", true,
						"fullThicknessTearSuspected", false, "imagingNeeded", true, "tenderInsertions",
						"MCL insertion, pes anserine", "imagingModality", "ULTRASOUND", "imagingBodyRegion",
						"left knee", "imagingClinicalQuestion", "Tear of the medial collateral ligament?"));

		// The radiologist reports on the order the imaging service opened from
		// ImagingRequested.
		JsonNode order = await().atMost(Duration.ofSeconds(60))
			.until(() -> openImagingOrder(referralId), found -> found != null);
		assertThat(order.get("modality").asText()).isEqualTo("ULTRASOUND");
		HttpResponse<String> reported = post(
				"http://127.0.0.1:8082/api/imaging-orders/" + order.get("id").asText() + "/report",
				"{\"redFlag\":false,\"fullThicknessTear\":false,\"osteoarthritisGrade\":2,"
						+ "\"report\":\"Grade 2 osteoarthritis, intact collateral ligaments.\"}");
		assertThat(reported.statusCode()).as(reported.body()).isBetween(200, 202);

		JsonNode confirm = awaitTask(referralId, "confirm-suitability");
		JsonNode dmn = get("http://127.0.0.1:8080/engine-rest/task/" + confirm.get("id").asText() + "/variables");
		assertThat(dmn.at("/dmnSuitability/value").asText()).isEqualTo("SUITABLE");
		assertThat(dmn.at("/dmnReasonCode/value").asText()).isEqualTo("INDICATED");
		assertThat(dmn.at("/dmnDecisionVersion/value").asInt()).isPositive();
		complete(referralId, "confirm-suitability", Map.of("suitabilityDecision", "SUITABLE"));

		JsonNode plan = awaitTask(referralId, "plan-course");
		JsonNode proposal = get("http://127.0.0.1:8080/engine-rest/task/" + plan.get("id").asText() + "/variables");
		assertThat(proposal.at("/sessions/value").asInt()).isEqualTo(5);
		assertThat(proposal.at("/intervalWeeks/value").asInt()).isEqualTo(4);
		assertThat(proposal.at("/dextrosePercent/value").asDouble()).isEqualTo(25.0);
		complete(referralId, "plan-course", Map.of("sessions", 5, "intervalWeeks", 4, "dextrosePercent", 25.0,
				"injectionSites", "MCL insertion, pes anserine"));

		// The physician's view, fed by events.
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			JsonNode view = get("http://127.0.0.1:8081/api/referrals/" + referralId);
			assertThat(view.get("status").asText()).isEqualTo("COURSE_PLANNED");
			assertThat(view.get("fhirStatus").asText()).isEqualTo("completed");
		});

		// Every appointment on a working day, the course at its four-week interval.
		JsonNode appointments = await().atMost(Duration.ofSeconds(60))
			.until(() -> get("http://127.0.0.1:8083/api/referrals/" + referralId + "/appointments"),
					booked -> booked.size() == 6);
		List<LocalDate> course = new ArrayList<>();
		for (JsonNode appointment : appointments) {
			LocalDate date = LocalDate.parse(appointment.get("date").asText());
			assertThat(date.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
			if (appointment.get("purpose").asText().equals("COURSE")) {
				course.add(date);
			}
		}
		course.sort(null);
		assertThat(course).hasSize(5);
		for (int k = 1; k < course.size(); k++) {
			assertThat(course.get(k)).isEqualTo(course.get(0).plusWeeks(4L * k));
		}

		// The loop is closed: letters at acceptance and at closing, sent by SMTP, never
		// naming the patient.
		JsonNode letters = await().atMost(Duration.ofSeconds(60))
			.until(() -> get("http://127.0.0.1:8084/api/letters?referralId=" + referralId),
					found -> kinds(found).containsAll(List.of("ACCEPTED", "CLOSED")) && allNotified(found));
		assertThat(kinds(letters)).containsOnlyOnce("ACCEPTED", "CLOSED");
		assertThat(letters).allSatisfy(letter -> {
			assertThat(letter.get("recipient").asText()).isEqualTo("sys@referrers.example");
			assertThat(letter.get("body").asText()).contains(referralId).doesNotContain("Ada Testpatient");
		});
		assertThat(get("http://127.0.0.1:8084/api/mailbox"))
			.filteredOn(mail -> mail.get("body").asText().contains(referralId))
			.hasSize(letters.size());

		// The timeline holds every step, in order, and the same status.
		JsonNode timeline = await().atMost(Duration.ofSeconds(60))
			.until(() -> get("http://127.0.0.1:8085/api/referrals/" + referralId + "/timeline"),
					found -> types(found).contains("ReferrerNotified")
							&& found.get("status").asText().equals("COURSE_PLANNED"));
		assertThat(timeline.get("fhirStatus").asText()).isEqualTo("completed");
		assertThat(types(timeline)).containsSubsequence("ReferralSubmitted", "ReferralTriaged", "HistoryRecorded",
				"ExamCompleted", "ImagingRequested", "ImagingReported", "SuitabilityDecided", "CoursePlanned",
				"ReferralClosed");
		assertThat(types(timeline)).contains("SessionsScheduled", "ReferrerNotified");

		// The clinic lead's inspection view reads the real timeline service: the same
		// events,
		// nothing stuck.
		JsonNode inspection = get("http://127.0.0.1:8080/api/referrals/" + referralId + "/inspection");
		assertThat(inspection.at("/status/state").asText()).isEqualTo("COMPLETED");
		assertThat(inspection.at("/status/outcome").asText()).isEqualTo("COURSE_PLANNED");
		assertThat(inspection.at("/events/available").asBoolean()).isTrue();
		List<String> inspected = new ArrayList<>();
		inspection.at("/events/entries").forEach(entry -> inspected.add(entry.get("type").asText()));
		assertThat(inspected).containsSubsequence("ReferralSubmitted", "ReferralTriaged", "CoursePlanned",
				"ReferralClosed");
		assertThat(inspection.get("incidents")).isEmpty();
		assertThat(inspection.at("/deadLetters/letters")).isEmpty();

		theTraceReachedEveryService(traceId, referralId);
		noServiceLogsPatientData("Ada Testpatient");
		assertThat(metrics("intake")).containsPattern("prolo_referrals_submitted_total\\{[^}]*\\} [1-9]");
		assertThat(metrics("workflow"))
			.containsPattern("prolo_referrals_closed_total\\{[^}]*outcome=\"COURSE_PLANNED\"[^}]*\\} [1-9]")
			.containsPattern("prolo_stage_duration_seconds_count\\{[^}]*stage=\"plan-course\"[^}]*\\} [1-9]")
			.contains("prolo_tasks_open{");
	}

	/**
	 * Names, birth dates and addresses stay in intake's database: no log line of any
	 * service (HTTP, Kafka, the engine, HAPI, Hibernate Validator messages) repeats them.
	 */
	private static void noServiceLogsPatientData(String patientName) throws IOException {
		for (String service : PORTS.keySet()) {
			Path log = dataDir.resolve("logs").resolve(service + ".log");
			assertThat(Files.readAllLines(log)).as(service + " log")
				.isNotEmpty()
				.noneSatisfy(line -> assertThat(line).containsAnyOf(patientName, "Testpatient", BIRTH_DATE, ADDRESS));
		}
	}

	/**
	 * One referral's trace: the submitting request (our traceparent) through intake's
	 * outbox to the workflow, notification and timeline; the process keeps it and
	 * publishes every fact in it, also those of tasks completed over REST, so intake,
	 * imaging and scheduling handle the workflow's events in the same trace.
	 */
	private static void theTraceReachedEveryService(String traceId, String referralId) {
		for (String service : PORTS.keySet()) {
			Path log = dataDir.resolve("logs").resolve(service + ".log");
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(Files.readAllLines(log))
					.as(service + " logs the referral in its trace " + traceId)
					.anySatisfy(line -> assertThat(line).contains("[" + traceId + ",").contains(referralId)));
		}
	}

	@Test
	void everyPageTheLauncherPrintsAnswers() throws Exception {
		HttpClient browserLike = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NORMAL)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		List<String> pages = ServiceSpec.ALL.stream()
			.flatMap(spec -> spec.links().stream())
			.map(ServiceSpec.Link::url)
			// "POST http://..." is an instruction, not a page.
			.filter(url -> url.startsWith("http://"))
			.toList();
		assertThat(pages).hasSizeGreaterThan(PORTS.size());
		for (String page : pages) {
			HttpResponse<Void> response = browserLike.send(
					HttpRequest.newBuilder(URI.create(page.replace("localhost", "127.0.0.1"))).build(),
					HttpResponse.BodyHandlers.discarding());
			assertThat(response.statusCode()).as(page).isEqualTo(200);
		}
	}

	@Test
	void everyServiceIsLiveAndReadyWithItsDatabaseAndTheBrokerAndServesPrometheusMetrics() throws Exception {
		for (var service : PORTS.entrySet()) {
			String base = "http://127.0.0.1:" + service.getValue() + "/actuator/health/";
			assertThat(get(base + "liveness").get("status").asText()).as(service.getKey()).isEqualTo("UP");
			JsonNode readiness = get(base + "readiness");
			assertThat(readiness.get("status").asText()).as(service.getKey()).isEqualTo("UP");
			assertThat(readiness.get("components").fieldNames()).toIterable()
				.as(service.getKey())
				.contains("db", "kafka", "readinessState");
			assertThat(metrics(service.getKey())).as(service.getKey())
				.contains("kafka_consumer_fetch_manager_records_lag_max")
				.contains("prolo_events_dead_lettered_total")
				.contains("http_server_requests_seconds");
			if (!service.getKey().equals("timeline")) {
				assertThat(metrics(service.getKey())).as(service.getKey() + " has an outbox")
					.contains("prolo_outbox_backlog");
			}
		}
	}

	private static String metrics(String service) throws IOException, InterruptedException {
		HttpResponse<String> response = http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORTS.get(service) + "/actuator/prometheus"))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(service + " /actuator/prometheus").isEqualTo(200);
		return response.body();
	}

	private static List<String> kinds(JsonNode letters) {
		List<String> kinds = new ArrayList<>();
		letters.forEach(letter -> kinds.add(letter.get("kind").asText()));
		return kinds;
	}

	private static boolean allNotified(JsonNode letters) {
		for (JsonNode letter : letters) {
			if (!letter.get("status").asText().equals("NOTIFIED")) {
				return false;
			}
		}
		return true;
	}

	private static List<String> types(JsonNode timeline) {
		List<String> types = new ArrayList<>();
		timeline.get("entries").forEach(entry -> types.add(entry.get("type").asText()));
		return types;
	}

	private static JsonNode openImagingOrder(String referralId) throws IOException, InterruptedException {
		for (JsonNode order : get("http://127.0.0.1:8082/api/imaging-orders?status=OPEN")) {
			if (order.get("referralId").asText().equals(referralId)) {
				return order;
			}
		}
		return null;
	}

	private static JsonNode awaitTask(String referralId, String taskKey) {
		return await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> singleTask(referralId),
					task -> task != null && task.get("taskDefinitionKey").asText().equals(taskKey));
	}

	/**
	 * Completes the referral's open task of this key through Camunda's REST API, as
	 * Tasklist does.
	 */
	private static void complete(String referralId, String taskKey, Map<String, Object> variables) throws Exception {
		JsonNode task = awaitTask(referralId, taskKey);
		var body = json.createObjectNode();
		var vars = body.putObject("variables");
		variables.forEach((name, value) -> vars.putObject(name).set("value", json.valueToTree(value)));
		HttpResponse<String> response = post(
				"http://127.0.0.1:8080/engine-rest/task/" + task.get("id").asText() + "/complete", body.toString());
		assertThat(response.statusCode()).as(taskKey + ": " + response.body()).isEqualTo(204);
	}

	static HttpResponse<String> post(String url, String body) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode singleTask(String referralId) throws IOException, InterruptedException {
		JsonNode tasks = get("http://127.0.0.1:8080/engine-rest/task?processInstanceBusinessKey=" + referralId);
		return tasks.size() == 1 ? tasks.get(0) : null;
	}

	private static List<ConsumerRecord<String, byte[]>> readAllTopics() {
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		try (var consumer = new KafkaConsumer<>(
				Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			consumer.subscribe(TOPICS);
			long quietSince = System.nanoTime();
			// Read until the topics have been quiet for a few seconds: everything
			// published so far is in.
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
				 "patient":{"name":"%s","birthDate":"%s","address":"%s"},
				 "condition":"LATERAL_EPICONDYLOSIS","bodySite":"right elbow","painDurationMonths":8,
				 "priorConservativeCare":true,"anticoagulated":false,"allergyToInjectate":false,"pregnant":false,
				 "uncontrolledDiabetes":false,"activeInfectionAtSite":false,"malignancyAtSite":false,
				 "urgency":"ROUTINE","notes":"Tennis elbow for 8 months despite physiotherapy"}
				""".formatted(patientName, BIRTH_DATE, ADDRESS);
	}

	static HttpResponse<String> submit(String body, String idempotencyKey) throws IOException, InterruptedException {
		return submit(body, idempotencyKey, null);
	}

	static HttpResponse<String> submit(String body, String idempotencyKey, String traceparent)
			throws IOException, InterruptedException {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:8081/api/referrals"))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", idempotencyKey);
		if (traceparent != null) {
			request.header("traceparent", traceparent);
		}
		return http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.ofString());
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
