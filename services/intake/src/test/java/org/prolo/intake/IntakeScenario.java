package org.prolo.intake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.prolo.events.AppointmentWaitlisted;
import org.prolo.events.ReferralClosed;
import org.prolo.events.ReferralInfoProvided;
import org.prolo.events.ReferralInfoRequested;
import org.prolo.events.ReferralSubmitted;
import org.prolo.events.ReferralTriageStarted;
import org.prolo.events.ReferralTriaged;
import org.prolo.events.ReferralWithdrawn;
import org.prolo.events.ScheduledSession;
import org.prolo.events.SessionsScheduled;
import org.prolo.events.WaitingListLeft;
import org.prolo.events.codec.EventCodec;
import org.prolo.intake.referral.ReferralWasSubmitted;
import org.prolo.platform.events.CloudEventHeaders;
import org.prolo.platform.events.EventProbe;
import org.prolo.platform.events.EventTopics;
import org.prolo.platform.security.testing.TestTokens;
import org.prolo.platform.testing.EventFlowScenario;
import org.prolo.platform.testing.TestEvents;
import org.prolo.platform.testing.WorkflowTopic;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.config.TopicBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The intake service end to end, as the physician and the workflow see it: HTTP in
 * (signed in with access tokens), Avro events on Kafka out, workflow events in.
 * Subclasses choose the broker and the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ WorkflowTopic.class, IntakeScenario.SchedulingTopic.class, TestTokens.Decoder.class })
abstract class IntakeScenario extends EventFlowScenario {

	static final Duration PATIENCE = Duration.ofSeconds(30);

	static final String BODY = """
			{"referrer":{"id":"%s"},
			 "patient":{"pseudonym":"P-1a2b3c4d","name":"Demo Patient 1","birthDate":"1970-01-01","address":"1 Demo Street"},
			 "condition":"KNEE_OSTEOARTHRITIS","bodySite":"left knee","painDurationMonths":9,"priorConservativeCare":true,
			 "anticoagulated":false,"allergyToInjectate":false,"pregnant":false,"uncontrolledDiabetes":false,
			 "activeInfectionAtSite":false,"malignancyAtSite":false,"urgency":"ROUTINE","notes":"free text"}
			""";

	final EventCodec codec = EventCodec.published();

	@Autowired
	TestRestTemplate http;

	IntakeScenario() {
		super(PATIENCE);
	}

	@Test
	void publishesASubmissionWithThePseudonymOnlyReplaysItsKeyAndPublishesTheWithdrawal() {
		String referrer = "dr-" + UUID.randomUUID();
		String key = UUID.randomUUID().toString();

		ResponseEntity<JsonNode> created = submit(referrer, BODY.formatted(referrer), key);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String id = created.getBody().get("id").asText();
		assertThat(id).startsWith("R-");
		assertThat(created.getHeaders().getLocation()).hasToString("/api/referrals/" + id);
		assertThat(created.getBody().get("status").asText()).isEqualTo("SUBMITTED");
		assertThat(created.getBody().get("fhirStatus").asText()).isEqualTo("requested");

		try (var probe = new EventProbe(bootstrapServers(), EventTopics.INTAKE)) {
			var record = probe.awaitRecords(id, 1, PATIENCE).get(0);
			var submitted = (ReferralSubmitted) codec.decode(record.value());
			assertThat(submitted.getPatientPseudonym()).isEqualTo("P-1a2b3c4d");
			assertThat(submitted.getReferrerId()).isEqualTo(referrer);
			assertThat(submitted.getCondition()).isEqualTo("KNEE_OSTEOARTHRITIS");
			assertThat(CloudEventHeaders.readFrom(record.headers()).source()).isEqualTo("/prolo/intake");
			// Not in the event, not in a header, not anywhere in the bytes on the wire.
			String wire = new String(record.value(), StandardCharsets.ISO_8859_1) + record.headers();
			assertThat(wire).doesNotContain("Demo Patient", "Demo Street", "1970-01-01", "free text");

			ResponseEntity<JsonNode> replayed = submit(referrer, BODY.formatted(referrer), key);
			assertThat(replayed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
			assertThat(replayed.getHeaders().getLocation()).hasToString("/api/referrals/" + id);
			assertThat(replayed.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
			assertThat(replayed.getBody().get("id").asText()).isEqualTo(id);

			ResponseEntity<JsonNode> reused = submit(referrer,
					BODY.formatted(referrer).replace("left knee", "right knee"), key);
			assertThat(reused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
			assertThat(reused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

			ResponseEntity<JsonNode> withdrawn = post(referrer, "/api/referrals/" + id + "/withdrawal",
					"{\"reason\":\"moved away\"}");
			assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
			assertThat(withdrawn.getBody().get("status").asText()).isEqualTo("WITHDRAWN");
			assertThat(withdrawn.getBody().get("fhirStatus").asText()).isEqualTo("cancelled");

			// Per key the topic is ordered: a second ReferralSubmitted would come before
			// the withdrawal.
			var events = probe.awaitRecords(id, 2, PATIENCE).stream().map(r -> codec.decode(r.value())).toList();
			assertThat(events.get(0)).isEqualTo(submitted);
			assertThat(events.get(1)).isInstanceOfSatisfying(ReferralWithdrawn.class,
					w -> assertThat(w.getReason()).isEqualTo("moved away"));

			// The registry sends the submission again, as after a crash before its
			// publication was marked complete: the copy keeps the ce_id, so consumers
			// drop it.
			resendPublication(ReferralWasSubmitted.class, s -> s.referralId().equals(id));
			var copy = probe.awaitRecords(id, 3, PATIENCE).get(2);
			assertThat(codec.decode(copy.value())).isEqualTo(submitted);
			assertThat(CloudEventHeaders.readFrom(copy.headers()).id())
				.isEqualTo(CloudEventHeaders.readFrom(record.headers()).id());
		}

		assertThat(post(referrer, "/api/referrals/" + id + "/withdrawal", null).getStatusCode())
			.isEqualTo(HttpStatus.CONFLICT);

		// A late workflow event does not reopen the withdrawn referral.
		awaitConsumed(send(record(triaged(id, "ACCEPTED"), UUID.randomUUID().toString())));
		assertThat(referral(referrer, id).get("status").asText()).isEqualTo("WITHDRAWN");

		JsonNode listed = get(referrer, "/api/referrals").getBody();
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).get("id").asText()).isEqualTo(id);
	}

	@Test
	void followsTheWorkflowAndAppliesARedeliveredEventOnce() {
		String referrer = "dr-" + UUID.randomUUID();
		ResponseEntity<JsonNode> created = submit(referrer, BODY.formatted(referrer), null);
		// Received, not yet in the clinic's triage: no workflow runs in this test.
		assertThat(created.getBody().get("status").asText()).isEqualTo("SUBMITTED");
		assertThat(created.getBody().get("fhirStatus").asText()).isEqualTo("requested");
		String id = created.getBody().get("id").asText();

		// The clinic's triage task exists: the physician sees TRIAGE (received).
		var triageStarted = record(triageStarted(id), UUID.randomUUID().toString());
		send(triageStarted);
		await().atMost(PATIENCE).untilAsserted(() -> {
			JsonNode referral = referral(referrer, id);
			assertThat(referral.get("status").asText()).isEqualTo("TRIAGE");
			assertThat(referral.get("fhirStatus").asText()).isEqualTo("received");
		});

		// The workflow asks a question; the same record is delivered twice later.
		var question = record(ReferralInfoRequested.newBuilder()
			.setReferralId(id)
			.setRequestedAt(now())
			.setQuestion("Latest knee X-ray?")
			.setAnswerDueAt(now().plus(14, ChronoUnit.DAYS))
			.setRequestedBy("coordinator-1")
			.build(), UUID.randomUUID().toString());
		send(question);
		await().atMost(PATIENCE).untilAsserted(() -> {
			JsonNode referral = referral(referrer, id);
			assertThat(referral.get("status").asText()).isEqualTo("INFO_REQUESTED");
			assertThat(referral.get("fhirStatus").asText()).isEqualTo("on-hold");
			assertThat(referral.get("openQuestion").asText()).isEqualTo("Latest knee X-ray?");
		});
		// A late or redelivered triage start does not hide the pending question.
		awaitConsumed(send(triageStarted));
		awaitConsumed(send(record(triageStarted(id), UUID.randomUUID().toString())));
		assertThat(referral(referrer, id).get("status").asText()).isEqualTo("INFO_REQUESTED");

		ResponseEntity<JsonNode> answered = post(referrer, "/api/referrals/" + id + "/information",
				"{\"answer\":\"Kellgren-Lawrence grade 2\"}");
		assertThat(answered.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(answered.getBody().get("status").asText()).isEqualTo("TRIAGE");
		try (var probe = new EventProbe(bootstrapServers(), EventTopics.INTAKE)) {
			assertThat(probe.awaitRecords(id, 2, PATIENCE).stream().map(r -> codec.decode(r.value()))).last()
				.isInstanceOfSatisfying(ReferralInfoProvided.class,
						p -> assertThat(p.getAnswer()).isEqualTo("Kellgren-Lawrence grade 2"));
		}

		awaitConsumed(send(question));
		JsonNode afterRedelivery = referral(referrer, id);
		assertThat(afterRedelivery.get("status").asText()).isEqualTo("TRIAGE");
		assertThat(afterRedelivery.has("openQuestion")).isFalse();

		eventPublisher.publishAndWait(EventTopics.WORKFLOW, triaged(id, "ACCEPTED"));
		await().atMost(PATIENCE)
			.untilAsserted(
					() -> assertThat(referral(referrer, id).get("fhirStatus").asText()).isEqualTo("in-progress"));
		assertThat(referral(referrer, id).get("status").asText()).isEqualTo("ACCEPTED");

		eventPublisher.publishAndWait(EventTopics.WORKFLOW, coursePlanned(id));
		await().atMost(PATIENCE).untilAsserted(() -> {
			JsonNode closed = referral(referrer, id);
			assertThat(closed.get("status").asText()).isEqualTo("COURSE_PLANNED");
			assertThat(closed.get("fhirStatus").asText()).isEqualTo("completed");
			assertThat(closed.get("outcome").get("code").asText()).isEqualTo("COURSE_PLANNED");
			assertThat(closed.get("outcome").get("note").asText()).isEqualTo("Five sessions planned");
		});
	}

	@Test
	void showsThatAPlannedCoursesSessionsWaitForDatesUntilBookedAndIgnoresAnOldWaitReadAgain() {
		String referrer = "dr-" + UUID.randomUUID();
		String id = submit(referrer, BODY.formatted(referrer), null).getBody().get("id").asText();
		eventPublisher.publishAndWait(EventTopics.WORKFLOW, coursePlanned(id));
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(referral(referrer, id).get("status").asText()).isEqualTo("COURSE_PLANNED"));

		var waitlisted = courseWaitlisted(id);
		String waitlistedId = UUID.randomUUID().toString();
		send(record(EventTopics.SCHEDULING, waitlisted, waitlistedId));
		await().atMost(PATIENCE).untilAsserted(() -> {
			JsonNode waiting = referral(referrer, id);
			assertThat(waiting.path("waitingFor").asText()).isEqualTo("COURSE");
			assertThat(waiting.get("status").asText()).isEqualTo("COURSE_PLANNED");
			assertThat(waiting.get("fhirStatus").asText()).isEqualTo("completed");
		});

		eventPublisher.publishAndWait(EventTopics.SCHEDULING,
				SessionsScheduled.newBuilder()
					.setReferralId(id)
					.setScheduledAt(now())
					.setPurpose("COURSE")
					.setSessions(List.of(new ScheduledSession(1, LocalDate.of(2030, 3, 4))))
					.setWaitlistedAt(waitlisted.getWaitlistedAt())
					.build());
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(referral(referrer, id).has("waitingFor")).isFalse());

		// The wait delivered again (its ce_id: dropped as seen) and sent again (a new
		// ce_id: older than the booking) does not put the course back on the list.
		awaitConsumed(send(record(EventTopics.SCHEDULING, waitlisted, waitlistedId)));
		awaitConsumed(send(record(EventTopics.SCHEDULING, waitlisted, UUID.randomUUID().toString())));
		JsonNode booked = referral(referrer, id);
		assertThat(booked.has("waitingFor")).isFalse();
		assertThat(booked.get("status").asText()).isEqualTo("COURSE_PLANNED");
	}

	@Test
	void aCourseWaitReadBeforeTheCloseShowsWithItAndEndsWhenTheCourseLeavesTheList() {
		String referrer = "dr-" + UUID.randomUUID();
		String id = submit(referrer, BODY.formatted(referrer), null).getBody().get("id").asText();

		// Scheduling's topic read ahead of the workflow's: the wait is kept, not yet
		// shown.
		awaitConsumed(send(record(EventTopics.SCHEDULING, courseWaitlisted(id), UUID.randomUUID().toString())));
		assertThat(referral(referrer, id).has("waitingFor")).isFalse();
		eventPublisher.publishAndWait(EventTopics.WORKFLOW, coursePlanned(id));
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(referral(referrer, id).path("waitingFor").asText()).isEqualTo("COURSE"));

		eventPublisher.publishAndWait(EventTopics.SCHEDULING,
				WaitingListLeft.newBuilder()
					.setReferralId(id)
					.setLeftAt(now())
					.setPurpose("COURSE")
					.setReason("REFERRAL_CLOSED")
					.setClosingOutcome("WITHDRAWN")
					.build());
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(referral(referrer, id).has("waitingFor")).isFalse());
	}

	@Test
	void anUnknownReferralIsNotFound() {
		ResponseEntity<JsonNode> response = get("dr-ada", "/api/referrals/R-unknown");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void describesTheApi() {
		JsonNode api = get("dr-ada", "/v3/api-docs").getBody();

		JsonNode submit = api.at("/paths/~1api~1referrals/post");
		assertThat(submit.at("/requestBody/content/application~1json/examples").isMissingNode()).isFalse();
		assertThat(submit.at("/responses/400/content/application~1problem+json").isMissingNode()).isFalse();
		assertThat(submit.at("/responses/422/content/application~1problem+json").isMissingNode()).isFalse();
		assertThat(api.at("/paths/~1api~1referrals~1{id}/get/responses/404").isMissingNode()).isFalse();
		assertThat(api.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
		assertThat(api.at("/paths/~1api~1referrals/post/parameters").findValuesAsText("name")).doesNotContain("caller");
		assertThat(api.at("/paths/~1api~1referrals~1{id}~1timeline/get/responses/503").isMissingNode()).isFalse();
		assertThat(api.at("/paths/~1api~1audit/get").isMissingNode()).isFalse();
		assertThat(http
			.exchange("/swagger-ui/index.html", HttpMethod.GET, new HttpEntity<>(signedIn("dr-ada")), String.class)
			.getStatusCode()
			.is2xxSuccessful()).isTrue();
	}

	/** The Authorization header of a physician. */
	static HttpHeaders signedIn(String physician) {
		var headers = new HttpHeaders();
		headers.set(HttpHeaders.AUTHORIZATION, TestTokens.physician(physician));
		return headers;
	}

	ResponseEntity<JsonNode> submit(String physician, String body, String idempotencyKey) {
		var headers = signedIn(physician);
		headers.setContentType(MediaType.APPLICATION_JSON);
		if (idempotencyKey != null) {
			headers.set("Idempotency-Key", idempotencyKey);
		}
		return http.postForEntity("/api/referrals", new HttpEntity<>(body, headers), JsonNode.class);
	}

	ResponseEntity<JsonNode> post(String physician, String path, String json) {
		var headers = signedIn(physician);
		headers.setContentType(MediaType.APPLICATION_JSON);
		return http.postForEntity(path, new HttpEntity<>(json, headers), JsonNode.class);
	}

	ResponseEntity<JsonNode> get(String physician, String path) {
		return http.exchange(path, HttpMethod.GET, new HttpEntity<>(signedIn(physician)), JsonNode.class);
	}

	JsonNode referral(String physician, String id) {
		return get(physician, "/api/referrals/" + id).getBody();
	}

	static ReferralTriageStarted triageStarted(String id) {
		return ReferralTriageStarted.newBuilder().setReferralId(id).setStartedAt(now()).build();
	}

	static ReferralTriaged triaged(String id, String outcome) {
		return TestEvents.referralTriaged(id, now(), outcome).build();
	}

	static ReferralClosed coursePlanned(String id) {
		return TestEvents.referralClosed(id, now(), "COURSE_PLANNED")
			.setNoteToReferrer("Five sessions planned")
			.build();
	}

	static AppointmentWaitlisted courseWaitlisted(String id) {
		return AppointmentWaitlisted.newBuilder()
			.setReferralId(id)
			.setWaitlistedAt(now())
			.setPurpose("COURSE")
			.setReasonCode("CALENDAR_FULL")
			.setHorizonDays(366)
			.build();
	}

	static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * A workflow record built by hand, so that it can be sent twice with the same ce_id.
	 */
	ProducerRecord<String, byte[]> record(org.apache.avro.specific.SpecificRecord event, String eventId) {
		return record(EventTopics.WORKFLOW, event, eventId);
	}

	/** A record on the topic of the service that owns it, built by hand. */
	ProducerRecord<String, byte[]> record(String topic, org.apache.avro.specific.SpecificRecord event, String eventId) {
		String referralId = event.get(event.getSchema().getField("referralId").pos()).toString();
		var record = new ProducerRecord<String, byte[]>(topic, referralId, codec.encode(event));
		record.headers()
			.add(CloudEventHeaders.SPECVERSION, bytes("1.0"))
			.add(CloudEventHeaders.ID, bytes(eventId))
			.add(CloudEventHeaders.SOURCE, bytes("/prolo/" + topic.substring(0, topic.indexOf('.'))))
			.add(CloudEventHeaders.TYPE, bytes(event.getSchema().getFullName()))
			.add(CloudEventHeaders.TIME, bytes(Instant.now().toString()))
			.add(CloudEventHeaders.SUBJECT, bytes(referralId))
			.add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.AVRO));
		return record;
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	/** Scheduling owns its topic; here the test stands in for it. */
	@TestConfiguration(proxyBeanMethods = false)
	static class SchedulingTopic {

		@Bean
		NewTopic schedulingTopic() {
			return TopicBuilder.name(EventTopics.SCHEDULING).partitions(3).build();
		}

	}

}
