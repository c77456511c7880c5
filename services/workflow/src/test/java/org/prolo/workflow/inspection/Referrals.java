package org.prolo.workflow.inspection;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.camunda.bpm.engine.TaskService;
import org.prolo.events.ReferralWithdrawn;
import org.prolo.events.codec.EventCodec;
import org.prolo.platform.broker.SharedTestBroker;
import org.prolo.platform.events.CloudEventHeaders;
import org.prolo.platform.events.EventTopics;
import org.prolo.platform.testing.Redelivery;
import org.prolo.platform.testing.TestEvents;

/** Sends what the intake service would send about a referral, as it would send it. */
public final class Referrals {

	private static final EventCodec CODEC = EventCodec.published();

	private Referrals() {
	}

	public static String newReferralId() {
		return "ref-" + UUID.randomUUID();
	}

	public static void submit(String referralId) {
		send(TestEvents.referralSubmitted(referralId, now())
			.setReferrerEmail("ada@referrers.example")
			.setPatientPseudonym("pat-" + referralId.substring(4, 12))
			.build(), referralId);
	}

	/** Submits the referral and waits until its process has started with triage. */
	public static void submitAndAwaitTriage(String referralId, TaskService tasks, Duration timeout) {
		submit(referralId);
		await().atMost(timeout)
			.until(() -> tasks.createTaskQuery()
				.processInstanceBusinessKey(referralId)
				.taskDefinitionKey("triage")
				.count() == 1);
	}

	/**
	 * @return the event's CloudEvents id
	 */
	public static String withdraw(String referralId) {
		String eventId = UUID.randomUUID().toString();
		send(ReferralWithdrawn.newBuilder()
			.setReferralId(referralId)
			.setWithdrawnAt(now())
			.setReferrerId("dr-ada")
			.build(), referralId, eventId);
		return eventId;
	}

	private static void send(SpecificRecord event, String referralId) {
		send(event, referralId, UUID.randomUUID().toString());
	}

	private static void send(SpecificRecord event, String referralId, String eventId) {
		var record = new ProducerRecord<String, byte[]>(EventTopics.INTAKE, referralId, CODEC.encode(event));
		record.headers().add(CloudEventHeaders.ID, eventId.getBytes(StandardCharsets.UTF_8));
		record.headers().add(CloudEventHeaders.TYPE, event.getSchema().getFullName().getBytes(StandardCharsets.UTF_8));
		Redelivery.send(SharedTestBroker.bootstrapServers(), record);
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

}
