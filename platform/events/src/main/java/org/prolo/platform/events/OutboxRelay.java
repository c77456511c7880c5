package org.prolo.platform.events;

import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one relay from a service's transactional outbox (Spring Modulith's event
 * publication registry) to Kafka. A producer's outbox listener hands it the stored fact
 * and its {@link OutboxMapping}; the relay sends the event under the fact's stored id, in
 * the trace that was current when the fact was stored, and waits for the broker's
 * acknowledgement, so the registry marks the publication complete only once the event is
 * on Kafka. An unacknowledged one stays incomplete and is handed over again (at restart,
 * or by the service's periodic resubmission) under the same id, so consumers drop the
 * copy by ce_id.
 */
public class OutboxRelay {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final EventPublisher publisher;

	public OutboxRelay(EventPublisher publisher) {
		this.publisher = publisher;
	}

	/**
	 * @throws IllegalStateException when the fact was stored without its id: a copy sent
	 * under a new id each time could not be recognised as a re-send
	 */
	public <E> void relay(E stored, OutboxMapping<E> mapping) {
		String eventId = mapping.eventId().apply(stored);
		if (eventId == null || eventId.isBlank()) {
			throw new IllegalStateException(stored.getClass().getSimpleName()
					+ " was stored in the outbox without its event id; it is not sent under a made-up one");
		}
		SpecificRecord event = mapping.toEvent().apply(stored);
		publisher.inTraceOf(stored, () -> {
			publisher.publishAndWait(mapping.topic(), event, eventId);
			log.info("Published {} {} for referral {} to {}", event.getSchema().getName(), eventId,
					EventPublisher.referralIdOf(event), mapping.topic());
		});
	}

}
