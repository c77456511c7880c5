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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The product as a user meets it: the launcher starts the real broker, the identity
 * service and the seven other service jars, and the tests use nothing but HTTP with real
 * tokens of the demo users (signed in at the launched identity service) and a plain Kafka
 * consumer that knows only the .avsc files of schemas/. Each call goes as the person who
 * would make it: dr-ada submits, ingrid triages, carl, clara and the radiology system do
 * their parts, leo reads the letters, the timeline and the audit log.
 */
// System tier: launches the whole stack on its fixed ports.
@Tag("system")
class SystemTests {

	static final Path ROOT = ComposeFileTests.ROOT;

	static final ObjectMapper json = new ObjectMapper();

	/** The demo patients' birth date and address; their names carry "Testpatient". */
	static final String BIRTH_DATE = "1961-04-12";

	static final String ADDRESS = "12 Test Lane";

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/**
	 * A service that does not answer within this fails the test instead of hanging it.
	 */
	static final Duration TIMEOUT = Duration.ofSeconds(60);

	static final List<String> TOPICS = List.of("intake.referral-events", "workflow.referral-events",
			"imaging.imaging-events", "scheduling.appointment-events", "notification.referrer-events");

	/** The six services of the referral workflow: each on the broker and a database. */
	static final Map<String, Integer> PORTS = Map.of("workflow", 8080, "intake", 8081, "imaging", 8082, "scheduling",
			8083, "notification", 8084, "timeline", 8085);

	static final String ENGINE = "http://127.0.0.1:8080/engine-rest";

	/** Camunda's admin group (camunda-admin): reads any process, task and history. */
	static final String ADMIN = "demo";

	static RunningStack stack;

	static Path dataDir;

	static DemoTokens tokens;

	@BeforeAll
	static void startTheStack() throws Exception {
		dataDir = ROOT.resolve("launcher/target/system-test-" + System.currentTimeMillis());
		stack = RunningStack.start(ROOT, dataDir, "--no-auto-report");
		tokens = new DemoTokens(ServiceSpec.IDENTITY_URL);
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

		HttpResponse<String> created = submit(referral(patientName, "dr-ada"), idempotencyKey, "dr-ada");
		HttpResponse<String> replayed = submit(referral(patientName, "dr-ada"), idempotencyKey, "dr-ada");

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String location = created.headers().firstValue("Location").orElseThrow();
		String referralId = location.substring(location.lastIndexOf('/') + 1);
		assertThat(replayed.headers().firstValue("Location")).contains(location);

		// Ingrid finds it with her own token: her group's task, visible to her.
		JsonNode triage = awaitTask(referralId, "triage", "ingrid");
		assertThat(get(ENGINE + "/task/" + triage.get("id").asText() + "/identity-links", "ingrid"))
			.anySatisfy(link -> assertThat(link.get("groupId").asText()).isEqualTo("intake-coordinators"));
		assertThat(get(ENGINE + "/task?candidateUser=ingrid&processInstanceBusinessKey=" + referralId, "ingrid"))
			.as("the intake coordinator's Tasklist")
			.hasSize(1);
		assertThat(get(ENGINE + "/process-instance?businessKey=" + referralId, ADMIN)).hasSize(1);

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

	/**
	 * The launched broker holds the demo to the same ACLs as a deployment: the
	 * notification service's own user cannot publish an ImagingReported, the imaging
	 * service's can.
	 */
	@Test
	void theBrokerRefusesAnImagingEventFromAnyoneButImaging() throws Exception {
		var forged = new ProducerRecord<String, byte[]>("imaging.imaging-events", "R-forged", new byte[] { 0 });
		forged.headers().add("ce_type", "org.prolo.events.ImagingReported".getBytes(StandardCharsets.UTF_8));

		assertThatThrownBy(() -> send(stack.clientConfig("notification"), forged))
			.hasCauseInstanceOf(TopicAuthorizationException.class);
		assertThat(send(stack.clientConfig("imaging"), forged).topic()).isEqualTo("imaging.imaging-events");
	}

	private static RecordMetadata send(Map<String, Object> client, ProducerRecord<String, byte[]> record)
			throws Exception {
		Map<String, Object> config = new HashMap<>(client);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
		try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
			return producer.send(record).get(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void aReferralGoesFromSubmissionToAPlannedCourseAndTheReferrerHearsOfIt() throws Exception {
		// The physician's system starts the trace; its id must reach every service.
		String traceId = UUID.randomUUID().toString().replace("-", "");
		HttpResponse<String> created = submit(
				referral("Ada Testpatient", "dr-ada").replace("LATERAL_EPICONDYLOSIS", "KNEE_OSTEOARTHRITIS"),
				UUID.randomUUID().toString(), "00-" + traceId + "-" + traceId.substring(0, 16) + "-01", "dr-ada");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String location = created.headers().firstValue("Location").orElseThrow();
		String referralId = location.substring(location.lastIndexOf('/') + 1);
		// Received by intake; in the clinic's triage once the workflow created the triage
		// task.
		assertThat(json.readTree(created.body()).get("status").asText()).isEqualTo("SUBMITTED");
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			JsonNode view = get("http://127.0.0.1:8081/api/referrals/" + referralId, "dr-ada");
			assertThat(view.get("status").asText()).isEqualTo("TRIAGE");
			assertThat(view.get("fhirStatus").asText()).isEqualTo("received");
		});

		complete(referralId, "triage", "ingrid", Map.of("triageOutcome", "ACCEPTED"));
		complete(referralId, "record-history", "carl",
				Map.of("painLocation", "medial left knee", "painDurationMonths", 9, "painScore", 6,
						"priorConservativeCare", true, "anticoagulated", false, "allergyToInjectate", false, "pregnant",
						false, "uncontrolledDiabetes", false, "medications", "paracetamol"));
		complete(referralId, "physical-exam", "clara",
				Map.of("rangeOfMotion", "flexion 110", "ligamentLaxity", true, "jointStable", true,
						"fullThicknessTearSuspected", false, "imagingNeeded", true, "tenderInsertions",
						"MCL insertion, pes anserine", "imagingModality", "ULTRASOUND", "imagingBodyRegion",
						"left knee", "imagingClinicalQuestion", "Tear of the medial collateral ligament?"));

		// The radiology system reports, with its own client credentials, on the order the
		// imaging service opened from ImagingRequested.
		JsonNode order = await().atMost(Duration.ofSeconds(60))
			.until(() -> openImagingOrder(referralId), found -> found != null);
		assertThat(order.get("modality").asText()).isEqualTo("ULTRASOUND");
		HttpResponse<String> reported = send(
				json("http://127.0.0.1:8082/api/imaging-orders/" + order.get("id").asText() + "/report",
						"{\"redFlag\":false,\"fullThicknessTear\":false,\"osteoarthritisGrade\":2,"
								+ "\"report\":\"Grade 2 osteoarthritis, intact collateral ligaments.\"}"),
				tokens.clientBearer("radiology"));
		assertThat(reported.statusCode()).as(reported.body()).isBetween(200, 202);

		JsonNode confirm = awaitTask(referralId, "confirm-suitability", "clara");
		JsonNode dmn = get(ENGINE + "/task/" + confirm.get("id").asText() + "/variables", "clara");
		assertThat(dmn.at("/dmnSuitability/value").asText()).isEqualTo("SUITABLE");
		assertThat(dmn.at("/dmnReasonCode/value").asText()).isEqualTo("INDICATED");
		assertThat(dmn.at("/dmnDecisionVersion/value").asInt()).isPositive();
		complete(referralId, "confirm-suitability", "clara", Map.of("suitabilityDecision", "SUITABLE"));

		JsonNode plan = awaitTask(referralId, "plan-course", "clara");
		JsonNode proposal = get(ENGINE + "/task/" + plan.get("id").asText() + "/variables", "clara");
		assertThat(proposal.at("/sessions/value").asInt()).isEqualTo(5);
		assertThat(proposal.at("/intervalWeeks/value").asInt()).isEqualTo(4);
		assertThat(proposal.at("/dextrosePercent/value").asDouble()).isEqualTo(25.0);
		complete(referralId, "plan-course", "clara", Map.of("sessions", 5, "intervalWeeks", 4, "dextrosePercent", 25.0,
				"injectionSites", "MCL insertion, pes anserine"));

		// The physician's view, fed by events.
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			JsonNode view = get("http://127.0.0.1:8081/api/referrals/" + referralId, "dr-ada");
			assertThat(view.get("status").asText()).isEqualTo("COURSE_PLANNED");
			assertThat(view.get("fhirStatus").asText()).isEqualTo("completed");
		});

		// Every appointment on a working day, the course at its four-week interval.
		JsonNode appointments = await().atMost(Duration.ofSeconds(60))
			.until(() -> get("http://127.0.0.1:8083/api/referrals/" + referralId + "/appointments", "carl"),
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
			.until(() -> get("http://127.0.0.1:8084/api/letters?referralId=" + referralId, "leo"),
					found -> kinds(found).containsAll(List.of("ACCEPTED", "CLOSED")) && allNotified(found));
		assertThat(kinds(letters)).containsOnlyOnce("ACCEPTED", "CLOSED");
		assertThat(letters).allSatisfy(letter -> {
			assertThat(letter.get("recipient").asText()).isEqualTo("ada@referrers.example");
			assertThat(letter.get("body").asText()).contains(referralId).doesNotContain("Ada Testpatient");
		});
		assertThat(get("http://127.0.0.1:8084/api/mailbox", "leo"))
			.filteredOn(mail -> mail.get("body").asText().contains(referralId))
			.hasSize(letters.size());

		// The timeline holds every step, in order, and the same status.
		JsonNode timeline = await().atMost(Duration.ofSeconds(60))
			.until(() -> get("http://127.0.0.1:8085/api/referrals/" + referralId + "/timeline", "leo"),
					found -> types(found).contains("ReferrerNotified")
							&& found.get("status").asText().equals("COURSE_PLANNED"));
		assertThat(timeline.get("fhirStatus").asText()).isEqualTo("completed");
		assertThat(types(timeline)).containsSubsequence("ReferralSubmitted", "ReferralTriageStarted", "ReferralTriaged",
				"HistoryRecorded", "ExamCompleted", "ImagingRequested", "ImagingReported", "SuitabilityDecided",
				"CoursePlanned", "ReferralClosed");
		assertThat(types(timeline)).contains("SessionsScheduled", "ReferrerNotified");

		// The clinic lead's inspection view reads the real timeline service (with the
		// workflow's own client token): the same events, nothing stuck.
		JsonNode inspection = get("http://127.0.0.1:8080/api/referrals/" + referralId + "/inspection", "leo");
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
	 * A close reaches every service: withdrawn after its exam was booked and imaging
	 * ordered, the referral keeps no booked appointment and no open order, the timeline
	 * shows both, and the referrer's letter says what was cancelled.
	 */
	@Test
	void aWithdrawnReferralLeavesNoBookingAndNoOpenImagingOrder() throws Exception {
		HttpResponse<String> created = submit(referral("Bea Testpatient", "dr-ada"), UUID.randomUUID().toString(),
				"dr-ada");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String location = created.headers().firstValue("Location").orElseThrow();
		String referralId = location.substring(location.lastIndexOf('/') + 1);
		String appointments = "http://127.0.0.1:8083/api/referrals/" + referralId + "/appointments";

		complete(referralId, "triage", "ingrid", Map.of("triageOutcome", "ACCEPTED"));
		complete(referralId, "record-history", "carl",
				Map.of("painLocation", "lateral right elbow", "painDurationMonths", 8, "painScore", 5,
						"priorConservativeCare", true, "anticoagulated", false, "allergyToInjectate", false, "pregnant",
						false, "uncontrolledDiabetes", false, "medications", "ibuprofen"));
		complete(referralId, "physical-exam", "clara",
				Map.of("rangeOfMotion", "full", "ligamentLaxity", false, "jointStable", true,
						"fullThicknessTearSuspected", false, "imagingNeeded", true, "tenderInsertions",
						"common extensor origin", "imagingModality", "ULTRASOUND", "imagingBodyRegion", "right elbow",
						"imagingClinicalQuestion", "Tendinosis or partial tear?"));
		JsonNode order = await().atMost(TIMEOUT).until(() -> openImagingOrder(referralId), found -> found != null);
		await().atMost(TIMEOUT).until(() -> get(appointments, "carl"), booked -> booked.size() == 1);

		HttpResponse<String> withdrawn = send(json("http://127.0.0.1:8081/api/referrals/" + referralId + "/withdrawal",
				"{\"reason\":\"Patient moved away\"}"), tokens.bearer("dr-ada"));
		assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(202);

		await().atMost(TIMEOUT).untilAsserted(() -> {
			assertThat(get(appointments, "carl")).singleElement()
				.satisfies(exam -> assertThat(exam.path("cancelledAt").isTextual()).as(exam.toString()).isTrue());
			assertThat(get("http://127.0.0.1:8082/api/imaging-orders/" + order.get("id").asText(), "carl").get("status")
				.asText()).isEqualTo("CLOSED");
			assertThat(openImagingOrder(referralId)).isNull();
		});
		JsonNode timeline = await().atMost(TIMEOUT)
			.until(() -> get("http://127.0.0.1:8085/api/referrals/" + referralId + "/timeline", "leo"),
					found -> types(found).containsAll(List.of("AppointmentsCancelled", "ImagingOrderClosed")));
		assertThat(timeline.get("status").asText()).isEqualTo("WITHDRAWN");
		JsonNode letters = await().atMost(TIMEOUT)
			.until(() -> get("http://127.0.0.1:8084/api/letters?referralId=" + referralId, "leo"),
					found -> kinds(found).contains("CANCELLATIONS") && allNotified(found));
		assertThat(letters).filteredOn(letter -> letter.get("kind").asText().equals("CANCELLATIONS"))
			.isNotEmpty()
			.allSatisfy(letter -> assertThat(letter.get("body").asText()).contains(referralId)
				.doesNotContain("Bea Testpatient"));
	}

	/**
	 * A physician sees only her own referrals: another physician is told there is no such
	 * referral (404, not 403, which would confirm that it exists), cannot submit in her
	 * name, and the clinic lead's audit log shows who read and changed it.
	 */
	@Test
	void aPhysicianSeesOnlyHerOwnReferralsAndTheAuditLogSaysWhoLooked() throws Exception {
		HttpResponse<String> created = submit(referral("Ida Testpatient", "dr-ada"), UUID.randomUUID().toString(),
				"dr-ada");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String location = created.headers().firstValue("Location").orElseThrow();
		String referralId = location.substring(location.lastIndexOf('/') + 1);
		String referralUrl = "http://127.0.0.1:8081/api/referrals/" + referralId;

		assertThat(get(referralUrl, "dr-ada").get("id").asText()).isEqualTo(referralId);
		HttpResponse<String> asBen = send(HttpRequest.newBuilder(URI.create(referralUrl)).GET(),
				tokens.bearer("dr-ben"));
		assertThat(asBen.statusCode()).as(asBen.body()).isEqualTo(404);
		assertThat(asBen.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(asBen.body()).doesNotContain("Ida Testpatient");
		assertThat(ids(get("http://127.0.0.1:8081/api/referrals", "dr-ada"))).contains(referralId);
		assertThat(ids(get("http://127.0.0.1:8081/api/referrals", "dr-ben"))).doesNotContain(referralId);
		// Clinic staff read any referral.
		assertThat(get(referralUrl, "ingrid").get("id").asText()).isEqualTo(referralId);

		HttpResponse<String> inAdasName = submit(referral("Ida Testpatient", "dr-ada"), UUID.randomUUID().toString(),
				"dr-ben");
		assertThat(inAdasName.statusCode()).as(inAdasName.body()).isEqualTo(403);

		HttpResponse<String> auditAsAda = send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:8081/api/audit?referralId=" + referralId)).GET(),
				tokens.bearer("dr-ada"));
		assertThat(auditAsAda.statusCode()).as("the audit log is for clinic leads").isEqualTo(403);
		JsonNode audit = get("http://127.0.0.1:8081/api/audit?referralId=" + referralId, "leo");
		List<String> entries = new ArrayList<>();
		audit.forEach(entry -> entries.add(entry.get("callerId").asText() + " " + entry.get("action").asText() + " "
				+ entry.get("outcome").asInt()));
		assertThat(entries).contains("dr-ada referral.submit 201", "dr-ada referral.read 200",
				"dr-ben referral.read 404", "ingrid referral.read 200");
		assertThat(audit.toString()).doesNotContain("Ida Testpatient").doesNotContain(BIRTH_DATE);
	}

	/** No token, or one nobody issued: 401 with a problem document, never data. */
	@Test
	void everyApiAnswersACallWithoutAValidTokenWith401ProblemJson() throws Exception {
		Map<String, String> apis = new LinkedHashMap<>();
		apis.put("workflow", ENGINE + "/task");
		apis.put("workflow inspection", "http://127.0.0.1:8080/api/referrals/R-0/inspection");
		apis.put("intake", "http://127.0.0.1:8081/api/referrals");
		apis.put("intake FHIR", "http://127.0.0.1:8081/fhir/ServiceRequest/R-0");
		apis.put("imaging", "http://127.0.0.1:8082/api/imaging-orders?status=OPEN");
		apis.put("scheduling", "http://127.0.0.1:8083/api/referrals/R-0/appointments");
		apis.put("notification", "http://127.0.0.1:8084/api/letters?referralId=R-0");
		apis.put("timeline", "http://127.0.0.1:8085/api/kpis");
		for (var api : apis.entrySet()) {
			for (String authorization : new String[] { null, "Bearer not-a-token-of-ours" }) {
				HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.getValue()))
					.timeout(TIMEOUT)
					.header("Accept", "application/json")
					.GET();
				if (authorization != null) {
					request.header("Authorization", authorization);
				}
				HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
				String what = api.getKey() + (authorization == null ? " without a token" : " with a forged token");
				assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(401);
				assertThat(response.headers().firstValue("Content-Type")).as(what)
					.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
				assertThat(response.headers().firstValue("WWW-Authenticate")).as(what)
					.hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
				assertThat(json.readTree(response.body()).get("status").asInt()).as(what).isEqualTo(401);
			}
		}
	}

	/**
	 * Names, birth dates and addresses stay in intake's database: no log line of any
	 * service (HTTP, Kafka, the engine, HAPI, Hibernate Validator messages, sign-in, the
	 * portal's calls to intake) repeats them.
	 */
	static void noServiceLogsPatientData(Path dataDir, String patientName) throws IOException {
		for (ServiceSpec service : ServiceSpec.ALL) {
			Path log = dataDir.resolve("logs").resolve(service.name() + ".log");
			assertThat(Files.readAllLines(log)).as(service.name() + " log")
				.isNotEmpty()
				.noneSatisfy(line -> assertThat(line).containsAnyOf(patientName, "Testpatient", BIRTH_DATE, ADDRESS));
		}
	}

	private static void noServiceLogsPatientData(String patientName) throws IOException {
		noServiceLogsPatientData(dataDir, patientName);
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

	/**
	 * Each page the launcher prints, as a person opens it: anonymous, the browser is sent
	 * to the identity service's sign-in form (the OpenID discovery document is public);
	 * signed in as the user the page is for, the page itself answers.
	 */
	@Test
	void everyPageTheLauncherPrintsAnswersOnceSignedIn() throws Exception {
		List<String> pages = ServiceSpec.ALL.stream()
			.flatMap(spec -> spec.links().stream())
			.map(ServiceSpec.Link::url)
			// "POST http://..." is an instruction, not a page.
			.filter(url -> url.startsWith("http://"))
			.toList();
		assertThat(pages).hasSizeGreaterThan(ServiceSpec.ALL.size());
		for (String page : pages) {
			HttpBrowser anonymous = HttpBrowser.anonymous();
			HttpResponse<String> unsigned = anonymous.open(page);
			String user = signsInAs(page);
			if (user == null) {
				assertThat(unsigned.statusCode()).as(page).isEqualTo(200);
				assertThat(unsigned.uri()).as(page).isEqualTo(URI.create(page));
				continue;
			}
			assertThat(anonymous.isSignInForm(unsigned))
				.as(page + " sends an anonymous browser to sign in, not " + unsigned.uri() + " "
						+ unsigned.statusCode())
				.isTrue();

			HttpResponse<String> signedIn = HttpBrowser.signedInAs(user).open(page);
			assertThat(signedIn.statusCode()).as(page + " as " + user + ": " + signedIn.uri()).isEqualTo(200);
			assertThat(signedIn.uri().getPort()).as(page + " as " + user).isEqualTo(URI.create(page).getPort());
		}
	}

	/**
	 * Who opens the page; null for a page anyone may read: the identity service's pages,
	 * which clients read before they sign in.
	 */
	private static String signsInAs(String page) {
		if (page.startsWith(ServiceSpec.IDENTITY_URL)) {
			return null;
		}
		if (page.startsWith(ServiceSpec.PORTAL_URL)) {
			return "dr-ada";
		}
		if (page.contains("/camunda/")) {
			return "ingrid";
		}
		return "leo";
	}

	/**
	 * The "Sign in as" table the launcher prints tells the truth: each user signs in with
	 * the user id as password, and the token carries exactly the groups the table names.
	 */
	@Test
	void everyDemoUserThePrintedTableNamesSignsInWithTheGroupsItShows() throws Exception {
		for (ReadyTable.Login login : ReadyTable.DEMO_LOGINS) {
			String jwt = new DemoTokens(ServiceSpec.IDENTITY_URL).bearer(login.user()).substring("Bearer ".length());
			JsonNode claims = json.readTree(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
			List<String> groups = new ArrayList<>();
			claims.get("groups").forEach(group -> groups.add(group.asText()));

			assertThat(claims.get("sub").asText()).isEqualTo(login.user());
			assertThat(claims.get("iss").asText()).isEqualTo(ServiceSpec.IDENTITY_URL);
			assertThat(groups).as(login.user())
				.containsExactlyInAnyOrderElementsOf(List.of(login.groups().split(",\\s*")));
		}
	}

	@Test
	void everyServiceIsLiveAndReadyWithoutATokenAndTheSixServeMetricsToPrometheus() throws Exception {
		for (ServiceSpec service : ServiceSpec.ALL) {
			String base = "http://127.0.0.1:" + service.port() + "/actuator/health";
			for (String probe : List.of(base, base + "/liveness", base + "/readiness")) {
				HttpResponse<String> response = http.send(
						HttpRequest.newBuilder(URI.create(probe)).timeout(TIMEOUT).GET().build(),
						HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).as(probe + " " + response.body()).isEqualTo(200);
				assertThat(json.readTree(response.body()).get("status").asText()).as(probe).isEqualTo("UP");
			}
		}
		for (var service : PORTS.entrySet()) {
			JsonNode readiness = get("http://127.0.0.1:" + service.getValue() + "/actuator/health/readiness", null);
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

	/**
	 * The metrics as Prometheus scrapes them: with its client token (scope metrics.read).
	 */
	private static String metrics(String service) throws IOException, InterruptedException {
		HttpResponse<String> response = http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORTS.get(service) + "/actuator/prometheus"))
				.header("Accept", "text/plain")
				.header("Authorization", tokens.clientBearer("prometheus"))
				.timeout(TIMEOUT)
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(service + " /actuator/prometheus").isEqualTo(200);
		return response.body();
	}

	static List<String> kinds(JsonNode letters) {
		List<String> kinds = new ArrayList<>();
		letters.forEach(letter -> kinds.add(letter.get("kind").asText()));
		return kinds;
	}

	private static List<String> ids(JsonNode referrals) {
		List<String> ids = new ArrayList<>();
		referrals.forEach(referral -> ids.add(referral.get("id").asText()));
		return ids;
	}

	static boolean allNotified(JsonNode letters) {
		for (JsonNode letter : letters) {
			if (!letter.get("status").asText().equals("NOTIFIED")) {
				return false;
			}
		}
		return true;
	}

	/** The types of a timeline's entries, oldest first. */
	static List<String> types(JsonNode timeline) {
		List<String> types = new ArrayList<>();
		timeline.get("entries").forEach(entry -> types.add(entry.get("type").asText()));
		return types;
	}

	/** The open orders as a clinical coordinator, who chases late imaging, sees them. */
	private static JsonNode openImagingOrder(String referralId) throws IOException, InterruptedException {
		for (JsonNode order : get("http://127.0.0.1:8082/api/imaging-orders?status=OPEN", "carl")) {
			if (order.get("referralId").asText().equals(referralId)) {
				return order;
			}
		}
		return null;
	}

	/** The referral's open task of this key, as the user whose group works it sees it. */
	private static JsonNode awaitTask(String referralId, String taskKey, String user) {
		return await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> get(
					ENGINE + "/task?processInstanceBusinessKey=" + referralId + "&taskDefinitionKey=" + taskKey, user),
					tasks -> tasks.size() == 1)
			.get(0);
	}

	/**
	 * Completes the referral's open task of this key through Camunda's REST API with the
	 * user's own token, as Tasklist does for her; the engine then names her as the one
	 * who completed it.
	 */
	private static void complete(String referralId, String taskKey, String user, Map<String, Object> variables)
			throws Exception {
		JsonNode task = awaitTask(referralId, taskKey, user);
		String taskId = task.get("id").asText();
		var body = json.createObjectNode();
		var vars = body.putObject("variables");
		variables.forEach((name, value) -> vars.putObject(name).set("value", json.valueToTree(value)));
		HttpResponse<String> response = send(json(ENGINE + "/task/" + taskId + "/complete", body.toString()),
				tokens.bearer(user));
		assertThat(response.statusCode()).as(taskKey + ": " + response.body()).isEqualTo(204);
		JsonNode completions = get(ENGINE + "/history/user-operation?taskId=" + taskId + "&operationType=Complete",
				ADMIN);
		assertThat(completions).as(taskKey + " completed by")
			.extracting(entry -> entry.get("userId").asText())
			.isNotEmpty()
			.containsOnly(user);
	}

	private static List<ConsumerRecord<String, byte[]>> readAllTopics() {
		try (var consumer = new KafkaConsumer<>(stack.clientConfig(), new StringDeserializer(),
				new ByteArrayDeserializer())) {
			// Assigned, not subscribed: the test's user has no consumer group of its own.
			List<TopicPartition> partitions = TOPICS.stream()
				.flatMap(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream())
				.map(info -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			return untilQuiet(consumer);
		}
	}

	/**
	 * What the consumer reads until its topics have been quiet for a few seconds:
	 * everything published so far.
	 */
	static List<ConsumerRecord<String, byte[]>> untilQuiet(KafkaConsumer<String, byte[]> consumer) {
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		long quietSince = System.nanoTime();
		while (System.nanoTime() - quietSince < Duration.ofSeconds(5).toNanos()) {
			var batch = consumer.poll(Duration.ofMillis(500));
			if (!batch.isEmpty()) {
				batch.forEach(records::add);
				quietSince = System.nanoTime();
			}
		}
		return records;
	}

	/**
	 * A referral from one of the demo physicians, who must be the one who submits it.
	 */
	static String referral(String patientName, String physician) {
		DemoReferrals.Referrer referrer = DemoReferrals.REFERRERS.stream()
			.filter(candidate -> candidate.id().equals(physician))
			.findFirst()
			.orElseThrow();
		return """
				{"referrer":{"id":"%s","name":"%s","email":"%s"},
				 "patient":{"name":"%s","birthDate":"%s","address":"%s"},
				 "condition":"LATERAL_EPICONDYLOSIS","bodySite":"right elbow","painDurationMonths":8,
				 "priorConservativeCare":true,"anticoagulated":false,"allergyToInjectate":false,"pregnant":false,
				 "uncontrolledDiabetes":false,"activeInfectionAtSite":false,"malignancyAtSite":false,
				 "urgency":"ROUTINE","notes":"Tennis elbow for 8 months despite physiotherapy"}
				""".formatted(referrer.id(), referrer.name(), referrer.email(), patientName, BIRTH_DATE, ADDRESS);
	}

	static HttpResponse<String> submit(String body, String idempotencyKey, String physician)
			throws IOException, InterruptedException {
		return submit(body, idempotencyKey, null, physician);
	}

	static HttpResponse<String> submit(String body, String idempotencyKey, String traceparent, String physician)
			throws IOException, InterruptedException {
		var request = json("http://127.0.0.1:8081/api/referrals", body).header("Idempotency-Key", idempotencyKey);
		if (traceparent != null) {
			request.header("traceparent", traceparent);
		}
		return send(request, tokens.bearer(physician));
	}

	static HttpRequest.Builder json(String url, String body) {
		return HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	static HttpResponse<String> send(HttpRequest.Builder request, String authorization)
			throws IOException, InterruptedException {
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return http.send(request.header("Accept", "application/json").timeout(TIMEOUT).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * The JSON at the URL, read as the user (null: without a token); anything but 200
	 * fails.
	 */
	static JsonNode get(String url, String user) throws IOException, InterruptedException {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).GET(),
				user == null ? null : tokens.bearer(user));
		assertThat(response.statusCode()).as(url + " as " + user + ": " + response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

}
