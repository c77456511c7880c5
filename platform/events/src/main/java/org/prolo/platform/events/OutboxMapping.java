package org.prolo.platform.events;

import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;

/**
 * What a producer plugs into the {@link OutboxRelay}: where a fact stored in its outbox
 * goes, the CloudEvents id it was stored with, and the Avro event it becomes.
 *
 * @param <E> the fact as the outbox stored it (a domain event)
 * @param topic the topic the event goes to
 * @param eventId the id chosen when the fact happened and stored with it; every copy the
 * relay sends carries it, so consumers recognise a re-send
 * @param toEvent the published contract of the fact
 */
public record OutboxMapping<E>(String topic, Function<? super E, String> eventId,
		Function<? super E, ? extends SpecificRecord> toEvent) {

	public static <E> OutboxMapping<E> of(String topic, Function<? super E, String> eventId,
			Function<? super E, ? extends SpecificRecord> toEvent) {
		return new OutboxMapping<>(topic, eventId, toEvent);
	}

}
