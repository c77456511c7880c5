package org.prolo.platform.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.prolo.platform.events.CloudEventHeaders;
import org.prolo.platform.events.EventProbe;
import org.prolo.platform.events.EventPublisher;
import org.prolo.platform.events.KafkaAccess;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a service's end-to-end scenario needs besides the service: the broker it runs on,
 * its own EventPublisher to stand in for the producers of what it consumes, its database,
 * and the failures it must absorb ({@link Redelivery}, and a publication handed to the
 * relay again). A service's scenario extends it; its variants choose the broker and the
 * database.
 */
public abstract class EventFlowScenario {

	@Autowired
	protected EventPublisher eventPublisher;

	@Autowired
	protected KafkaConnectionDetails kafka;

	@Autowired
	protected JdbcTemplate jdbc;

	@Autowired
	private CompletedEventPublications completedPublications;

	@Autowired
	private IncompleteEventPublications incompletePublications;

	@Value("${spring.application.name}")
	private String service;

	private final Duration patience;

	/**
	 * @param patience how long to wait for what the service does in the background
	 */
	protected EventFlowScenario(Duration patience) {
		this.patience = patience;
	}

	protected String bootstrapServers() {
		return String.join(",", kafka.getBootstrapServers());
	}

	/** {@link Redelivery#resend}: the very record again. */
	protected RecordMetadata resend(ConsumerRecord<String, byte[]> original) {
		return Redelivery.resend(bootstrapServers(), original);
	}

	/** {@link Redelivery#send}: a record built by hand. */
	protected RecordMetadata send(ProducerRecord<String, byte[]> record) {
		return Redelivery.send(bootstrapServers(), record);
	}

	/**
	 * Waits until the service's listeners, in the consumer group of its row in
	 * {@link KafkaAccess}, are done with the record.
	 */
	protected void awaitConsumed(RecordMetadata record) {
		String group = KafkaAccess.of(service).orElseThrow().groups().get(0);
		Redelivery.awaitConsumed(bootstrapServers(), group, record, patience);
	}

	/**
	 * Sends the record the broker acknowledged as {@code sent} again, ce_id and all, and
	 * waits until the service's listeners are done with the copy.
	 */
	protected void redeliver(RecordMetadata sent) {
		try (var probe = new EventProbe(bootstrapServers(), sent.topic())) {
			ConsumerRecord<String, byte[]> original = await().atMost(patience)
				.until(() -> probe.seen()
					.stream()
					.filter(r -> r.partition() == sent.partition() && r.offset() == sent.offset())
					.findFirst(), Optional::isPresent)
				.get();
			awaitConsumed(resend(original));
		}
	}

	/**
	 * The copy is the original byte for byte, under the same ce_id, so consumers drop it.
	 */
	protected static void assertRedeliveryOf(ConsumerRecord<String, byte[]> original,
			ConsumerRecord<String, byte[]> copy) {
		assertThat(copy.value()).isEqualTo(original.value());
		assertThat(CloudEventHeaders.readFrom(copy.headers()).id()).isNotBlank()
			.isEqualTo(CloudEventHeaders.readFrom(original.headers()).id());
	}

	/**
	 * What the registry does with a publication it finds incomplete (at restart, or when
	 * the service retries): it hands the domain event stored in event_publication to its
	 * listener again, as after a crash before the publication was marked complete.
	 */
	protected <T> void resendPublication(Class<T> type, Predicate<T> which) {
		UUID publication = await().atMost(patience)
			.until(() -> completedPublications.findAll()
				.stream()
				.filter(p -> type.isInstance(p.getEvent()) && which.test(type.cast(p.getEvent())))
				.map(EventPublication::getIdentifier)
				.toList(), ids -> ids.size() == 1)
			.get(0);
		jdbc.update("update event_publication set completion_date = null where id = ?", publication);
		incompletePublications.resubmitIncompletePublications(p -> p.getIdentifier().equals(publication));
	}

	/**
	 * The outbox entries naming the referral. Every entry is stored in the transaction of
	 * what caused it, so once that is consumed none can still be on its way.
	 */
	protected int publicationsOf(String referralId) {
		return jdbc.queryForObject("select count(*) from event_publication where serialized_event like ?",
				Integer.class, "%\"" + referralId + "\"%");
	}

}
