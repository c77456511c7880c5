package org.prolo.platform.events;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.prolo.events.codec.EventTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes one event: key = referral id, value = Avro single-object bytes, CloudEvents
 * headers.
 */
public class EventPublisher {

	private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

	private final KafkaTemplate<String, Object> template;

	private final String source;

	private final Clock clock;

	private final OutboxTracing tracing;

	public EventPublisher(KafkaTemplate<String, Object> template, String source, Clock clock) {
		this(template, source, clock, OutboxTracing.disabled());
	}

	public EventPublisher(KafkaTemplate<String, Object> template, String source, Clock clock, OutboxTracing tracing) {
		this.template = template;
		this.source = source;
		this.clock = clock;
		this.tracing = tracing;
	}

	/**
	 * Runs an outbox relay in the trace that was current when the outbox stored this
	 * event (the request's or the consumed record's), so what the relay sends and logs
	 * belongs to that trace, even after a restart.
	 * @param outboxEvent the event as the outbox's listener received it
	 */
	public void inTraceOf(Object outboxEvent, Runnable relay) {
		tracing.resume(outboxEvent, "outbox relay", () -> {
			relay.run();
			return null;
		});
	}

	/**
	 * Sends without waiting; the future completes when the broker acknowledged the
	 * record.
	 */
	public CompletableFuture<SendResult<String, Object>> publish(String topic, SpecificRecord event) {
		return publish(topic, event, UUID.randomUUID().toString());
	}

	/**
	 * Sends with a given CloudEvents id. An outbox that re-sends an event after a crash
	 * passes the id it chose when the event happened, so consumers recognise the second
	 * copy as a redelivery.
	 */
	public CompletableFuture<SendResult<String, Object>> publish(String topic, SpecificRecord event, String eventId) {
		String referralId = referralIdOf(event);
		var headers = new CloudEventHeaders(eventId, source, EventTypes.typeOf(event.getSchema()), clock.instant(),
				referralId);
		ProducerRecord<String, Object> record = new ProducerRecord<>(topic, referralId, event);
		headers.writeTo(record.headers());
		log.debug("Publishing {} {} for referral {} to {}", headers.type(), headers.id(), referralId, topic);
		return template.send(record);
	}

	/**
	 * Sends and waits for the broker's acknowledgement, so a caller that must not lose
	 * the event can fail (and retry) instead.
	 */
	public SendResult<String, Object> publishAndWait(String topic, SpecificRecord event) {
		return publishAndWait(topic, event, UUID.randomUUID().toString());
	}

	/**
	 * As {@link #publishAndWait(String, SpecificRecord)}, with the event's CloudEvents
	 * id.
	 */
	public SendResult<String, Object> publishAndWait(String topic, SpecificRecord event, String eventId) {
		try {
			return publish(topic, event, eventId).get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new EventNotPublishedException(topic, event, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new EventNotPublishedException(topic, event, ex);
		}
	}

	static String referralIdOf(SpecificRecord event) {
		var field = event.getSchema().getField("referralId");
		if (field == null) {
			throw new IllegalArgumentException(event.getSchema().getFullName() + " has no referralId to key it by");
		}
		return event.get(field.pos()).toString();
	}

	/** The broker did not acknowledge an event in time. */
	public static class EventNotPublishedException extends RuntimeException {

		EventNotPublishedException(String topic, SpecificRecord event, Throwable cause) {
			super("Could not publish " + event.getSchema().getName() + " to " + topic, cause);
		}

	}

}
