package org.prolo.imaging;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.prolo.events.ImagingOrderClosed;
import org.prolo.events.ImagingReported;
import org.prolo.events.ImagingRequested;
import org.prolo.events.ReferralClosed;
import org.prolo.events.codec.EventCodec;
import org.prolo.imaging.order.OrderReported;
import org.prolo.platform.events.CloudEventHeaders;
import org.prolo.platform.events.EventProbe;
import org.prolo.platform.events.EventTopics;
import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.TestTokens;
import org.prolo.platform.testing.EventFlowScenario;
import org.prolo.platform.testing.TestEvents;
import org.prolo.platform.testing.WorkflowTopic;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The imaging service end to end, as the workflow and a radiologist use it: a real
 * ImagingRequested on the broker opens an order, the same record delivered again opens
 * nothing, and a report over HTTP goes out as ImagingReported. Run against the shared
 * in-process broker with H2 and with the local PostgreSQL server and, where Docker
 * exists, against Kafka and PostgreSQL containers.
 */
// Every variant's listeners join consumer group "imaging" on the one shared broker: a
// variant's context must stop after its class, or it takes the next variant's records
// into its own database.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		classes = { ImagingApplication.class, WorkflowTopic.class })
@Import(TestTokens.Decoder.class)
abstract class ImagingFlowScenario extends EventFlowScenario {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Autowired
	TestRestTemplate rest;

	ImagingFlowScenario() {
		super(TIMEOUT);
	}

	@Test
	void opensOneOrderPerRequestAndPublishesTheReport() throws Exception {
		String referralId = "ref-" + UUID.randomUUID();
		Instant requestedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		String bootstrap = bootstrapServers();

		eventPublisher.publishAndWait(EventTopics.WORKFLOW, request(referralId, requestedAt, "XRAY"));
		List<JsonNode> opened = awaitOrders(referralId, 1);
		JsonNode order = opened.get(0);
		assertThat(order.get("status").asText()).isEqualTo("OPEN");
		assertThat(order.get("modality").asText()).isEqualTo("XRAY");
		assertThat(order.get("patientPseudonym").asText()).isEqualTo("pt-7f3a9c");
		assertThat(order.get("bodyRegion").asText()).isEqualTo("right knee");
		assertThat(Instant.parse(order.get("requestedAt").asText())).isEqualTo(requestedAt);

		// The identical record again, same ce_id, as a consumer rebalance or producer
		// retry delivers it.
		try (var workflowProbe = new EventProbe(bootstrap, EventTopics.WORKFLOW)) {
			ConsumerRecord<String, byte[]> original = workflowProbe.awaitRecords(referralId, 1, TIMEOUT).get(0);
			resend(original);
		}
		// A genuine second request of the same referral lands after the duplicate on the
		// same partition: once its order exists, the duplicate has been consumed.
		eventPublisher.publishAndWait(EventTopics.WORKFLOW, request(referralId, requestedAt.plusSeconds(3600), "MRI"));
		List<JsonNode> orders = awaitOrders(referralId, 2);
		assertThat(orders).extracting(o -> o.get("modality").asText()).containsExactly("XRAY", "MRI");

		String orderId = order.get("id").asText();
		ResponseEntity<JsonNode> reported = report(orderId, Map.of("redFlag", true, "redFlagKind", "FRACTURE",
				"fullThicknessTear", false, "report", "Undisplaced tibial plateau fracture."));
		assertThat(reported.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(reported.getBody().get("status").asText()).isEqualTo("REPORTED");

		try (var imagingProbe = new EventProbe(bootstrap, EventTopics.IMAGING)) {
			ConsumerRecord<String, byte[]> record = imagingProbe.awaitRecords(referralId, 1, TIMEOUT).get(0);
			ImagingReported event = (ImagingReported) EventCodec.published().decode(record.value());
			assertThat(event.getOrderId()).isEqualTo(orderId);
			assertThat(event.getRedFlag()).isTrue();
			assertThat(event.getRedFlagKind()).isEqualTo("FRACTURE");
			assertThat(event.getFullThicknessTear()).isFalse();
			assertThat(event.getOsteoarthritisGrade()).isNull();
			assertThat(CloudEventHeaders.readFrom(record.headers()).type())
				.isEqualTo("org.prolo.events.ImagingReported");
			assertThat(CloudEventHeaders.readFrom(record.headers()).source()).isEqualTo("/prolo/imaging");
		}

		// The report went through the outbox, and its publication was marked complete
		// once acknowledged.
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(jdbc.queryForList(
					"select completion_date from event_publication where serialized_event like ?", "%" + orderId + "%"))
				.singleElement()
				.satisfies(row -> assertThat(row.get("completion_date")).isNotNull()));

		// The registry sends the report again, as after a crash before its publication
		// was marked complete: the copy keeps the ce_id, so the workflow drops it.
		resendPublication(OrderReported.class, reportedOrder -> reportedOrder.orderId().equals(orderId));
		try (var imagingProbe = new EventProbe(bootstrap, EventTopics.IMAGING)) {
			List<ConsumerRecord<String, byte[]>> copies = imagingProbe.awaitRecords(referralId, 2, TIMEOUT);
			assertRedeliveryOf(copies.get(0), copies.get(1));
		}

		ResponseEntity<JsonNode> again = report(orderId,
				Map.of("redFlag", false, "fullThicknessTear", false, "report", "Normal."));
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(read("/api/imaging-orders/{id}", "no-such-order").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void takesTheOpenOrdersOfAClosedReferralOffTheWorklistOnce() throws Exception {
		String referralId = "ref-" + UUID.randomUUID();
		Instant requestedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		eventPublisher.publishAndWait(EventTopics.WORKFLOW, request(referralId, requestedAt, "XRAY"));
		eventPublisher.publishAndWait(EventTopics.WORKFLOW, request(referralId, requestedAt.plusSeconds(60), "MRI"));
		List<JsonNode> opened = awaitOrders(referralId, 2);
		String reportedId = opened.get(0).get("id").asText();
		String openId = opened.get(1).get("id").asText();
		assertThat(report(reportedId, Map.of("redFlag", false, "fullThicknessTear", false, "report", "Normal."))
			.getStatusCode()).isEqualTo(HttpStatus.OK);

		RecordMetadata close = eventPublisher.publishAndWait(EventTopics.WORKFLOW, closed(referralId, "REJECTED"))
			.getRecordMetadata();

		try (var imagingProbe = new EventProbe(bootstrapServers(), EventTopics.IMAGING)) {
			ImagingOrderClosed event = imagingProbe.awaitFirst(referralId, 2, ImagingOrderClosed.class, TIMEOUT);
			assertThat(event.getOrderId()).isEqualTo(openId);
			assertThat(event.getReason()).isEqualTo("REJECTED");
			assertThat(read("/api/imaging-orders/{id}", openId).getBody().get("status").asText()).isEqualTo("CLOSED");
			assertThat(read("/api/imaging-orders/{id}", reportedId).getBody().get("status").asText())
				.isEqualTo("REPORTED");
			JsonNode worklist = read("/api/imaging-orders?status=OPEN").getBody();
			assertThat(
					java.util.stream.StreamSupport.stream(worklist.spliterator(), false).map(o -> o.get("id").asText()))
				.doesNotContain(openId);
			assertThat(report(openId, Map.of("redFlag", false, "fullThicknessTear", false, "report", "Normal."))
				.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

			// The same close again (same ce_id), and published again under a new id:
			// nothing is left open, nothing more goes out.
			redeliver(close);
			awaitConsumed(eventPublisher.publishAndWait(EventTopics.WORKFLOW, closed(referralId, "REJECTED"))
				.getRecordMetadata());
			// One report, one close: every outbox entry is stored in the transaction of
			// what caused it, so none can still be on its way.
			assertThat(publicationsOf(referralId)).isEqualTo(2);
			assertThat(imagingProbe.seen().stream().filter(r -> referralId.equals(r.key()))).hasSize(2);
		}
	}

	@Test
	void opensNoOrderForARequestConsumedAfterTheClose() throws Exception {
		String referralId = "ref-" + UUID.randomUUID();
		eventPublisher.publishAndWait(EventTopics.WORKFLOW, closed(referralId, "WITHDRAWN"));
		awaitConsumed(eventPublisher
			.publishAndWait(EventTopics.WORKFLOW,
					request(referralId, Instant.now().truncatedTo(ChronoUnit.MILLIS), "ULTRASOUND"))
			.getRecordMetadata());

		assertThat(ordersOf(referralId)).isEmpty();
		assertThat(publicationsOf(referralId)).isZero();
	}

	private static ReferralClosed closed(String referralId, String outcome) {
		return TestEvents.referralClosed(referralId, Instant.now().truncatedTo(ChronoUnit.MILLIS), outcome).build();
	}

	/** The external radiology system reports with its client-credentials token. */
	private ResponseEntity<JsonNode> report(String orderId, Map<String, Object> findings) {
		return rest.exchange("/api/imaging-orders/{id}/report", HttpMethod.POST,
				new HttpEntity<>(findings, signedIn(TestTokens.client("radiology", Roles.IMAGING_REPORT))),
				JsonNode.class, orderId);
	}

	/** A clinical coordinator, who chases imaging, reads the worklist. */
	private ResponseEntity<JsonNode> read(String path, Object... variables) {
		return rest.exchange(path, HttpMethod.GET,
				new HttpEntity<>(signedIn(TestTokens.user("carl", Roles.CLINICAL_COORDINATORS))), JsonNode.class,
				variables);
	}

	private static HttpHeaders signedIn(String authorization) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.AUTHORIZATION, authorization);
		return headers;
	}

	private static ImagingRequested request(String referralId, Instant requestedAt, String modality) {
		return ImagingRequested.newBuilder()
			.setReferralId(referralId)
			.setRequestedAt(requestedAt)
			.setPatientPseudonym("pt-7f3a9c")
			.setModality(modality)
			.setBodyRegion("right knee")
			.setClinicalQuestion("Osteoarthritis grade? Fracture?")
			.setRequestedBy("clinician-1")
			.build();
	}

	private List<JsonNode> awaitOrders(String referralId, int count) {
		return await().atMost(TIMEOUT).until(() -> ordersOf(referralId), orders -> orders.size() >= count);
	}

	private List<JsonNode> ordersOf(String referralId) {
		JsonNode all = read("/api/imaging-orders").getBody();
		return java.util.stream.StreamSupport.stream(all.spliterator(), false)
			.filter(o -> o.get("referralId").asText().equals(referralId))
			.toList();
	}

}
