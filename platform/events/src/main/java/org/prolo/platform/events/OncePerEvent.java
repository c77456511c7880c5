package org.prolo.platform.events;

import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.prolo.events.codec.EventTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionOperations;

/**
 * The idempotent consumer every listener goes through: reads the record's CloudEvents
 * attributes once, records the event in {@link ProcessedEvents} under its ce_id and the
 * type of its Avro record, and applies the effect in that same transaction, only on the
 * first delivery. A listener's own transaction (a use case's {@code @Transactional})
 * joins this one, so the record and the effect commit or roll back together.
 *
 * <p>
 * A record whose ce_id is missing or unusable, or whose ce_type names another event than
 * its value, is refused with an {@link InvalidEventHeadersException}: it is parked in the
 * dead-letter topic with that reason instead of being dropped or applied twice.
 */
public class OncePerEvent {

	/** The width of processed_event.event_id in every service's schema. */
	static final int MAX_ID_LENGTH = 64;

	private static final Logger log = LoggerFactory.getLogger(OncePerEvent.class);

	private final ProcessedEvents processedEvents;

	private final TransactionOperations transaction;

	public OncePerEvent(ProcessedEvents processedEvents, TransactionOperations transaction) {
		this.processedEvents = processedEvents;
		this.transaction = transaction;
	}

	/**
	 * @param headers the record's headers as spring-kafka maps them
	 * ({@code @Headers Map<String, Object>}), raw bytes or text
	 * @return true when the effect ran; false for a redelivery
	 */
	public boolean run(Map<String, ?> headers, SpecificRecord event, Runnable effect) {
		return run(headers, event, attributes -> effect.run());
	}

	/**
	 * As {@link #run(Map, SpecificRecord, Runnable)}, for an effect that needs the
	 * event's attributes (its id, source or time).
	 */
	public boolean run(Map<String, ?> headers, SpecificRecord event, Consumer<CloudEventHeaders> effect) {
		return apply(read(() -> CloudEventHeaders.readFrom(headers), event), event, effect);
	}

	/**
	 * As {@link #run(Map, SpecificRecord, Consumer)}, with the Kafka record's headers.
	 */
	public boolean run(Headers headers, SpecificRecord event, Consumer<CloudEventHeaders> effect) {
		return apply(read(() -> CloudEventHeaders.readFrom(headers), event), event, effect);
	}

	private static CloudEventHeaders read(Supplier<CloudEventHeaders> reading, SpecificRecord event) {
		try {
			return reading.get();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidEventHeadersException(
					EventTypes.typeOf(event.getSchema()) + " has an unreadable ce_time: " + ex.getParsedString());
		}
	}

	private boolean apply(CloudEventHeaders read, SpecificRecord event, Consumer<CloudEventHeaders> effect) {
		CloudEventHeaders attributes = checked(read, EventTypes.typeOf(event.getSchema()));
		Boolean applied = transaction.execute(status -> {
			if (!processedEvents.firstDelivery(attributes.id(), attributes.type())) {
				return false;
			}
			effect.accept(attributes);
			return true;
		});
		if (!Boolean.TRUE.equals(applied)) {
			log.debug("Dropped redelivered {} {}", attributes.type(), attributes.id());
			return false;
		}
		return true;
	}

	/**
	 * The attributes with the type of the event's Avro record, which is what the producer
	 * wrote as ce_type (or the record would not have decoded as this class).
	 */
	private static CloudEventHeaders checked(CloudEventHeaders read, String type) {
		String id = read.id();
		if (id == null || id.isBlank()) {
			throw new InvalidEventHeadersException(
					type + " has no ce_id header: a redelivery could not be told from a new event");
		}
		if (id.length() > MAX_ID_LENGTH) {
			throw new InvalidEventHeadersException(
					type + " has a ce_id of " + id.length() + " characters; at most " + MAX_ID_LENGTH + " are kept");
		}
		if (read.type() != null && !read.type().equals(type)) {
			throw new InvalidEventHeadersException(
					"ce_type " + read.type() + " does not name the event's record " + type + " (ce_id " + id + ")");
		}
		return new CloudEventHeaders(id, read.source(), type, read.time(), read.subject());
	}

	/**
	 * The record's CloudEvents headers do not let it be consumed exactly once; not
	 * retried, parked in the dead-letter topic with this message as the reason.
	 */
	public static class InvalidEventHeadersException extends UnhandledEventException {

		InvalidEventHeadersException(String message) {
			super(message);
		}

	}

}
