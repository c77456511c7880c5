package org.prolo.platform.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.prolo.events.codec.EventCodec;
import org.prolo.platform.broker.SharedTestBroker;

/**
 * Reads a topic from the beginning with a consumer of its own, as an outside consumer
 * would, so a test sees exactly what went over the wire. Values stay as raw bytes; decode
 * them with the codec or, like a third party, with nothing but the .avsc files.
 */
public final class EventProbe implements AutoCloseable {

	private final KafkaConsumer<String, byte[]> consumer;

	private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

	public EventProbe(String bootstrapServers, String... topics) {
		// An observer of the wire, not a service: it signs in as the test broker's super
		// user.
		Map<String, Object> config = SharedTestBroker.clientConfig(bootstrapServers);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
		this.consumer.subscribe(List.of(topics));
	}

	/**
	 * Polls until {@code count} records with this key have arrived, or fails after
	 * {@code timeout}.
	 */
	public List<ConsumerRecord<String, byte[]>> awaitRecords(String key, int count, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		while (true) {
			List<ConsumerRecord<String, byte[]>> matching = seen.stream().filter(r -> key.equals(r.key())).toList();
			if (matching.size() >= count) {
				return matching;
			}
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("Expected " + count + " records keyed " + key + " within " + timeout + ", saw "
						+ matching.size() + " (of " + seen.size() + " in all)");
			}
			consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
		}
	}

	/**
	 * The first event of the type among the records with this key, decoded as a consumer
	 * does, once {@code count} of them have arrived.
	 */
	public <T> T awaitFirst(String key, int count, Class<T> type, Duration timeout) {
		return awaitRecords(key, count, timeout).stream()
			.map(record -> EventCodec.published().decode(record.value()))
			.filter(type::isInstance)
			.map(type::cast)
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + type.getSimpleName() + " among the records keyed " + key));
	}

	/** Every record seen so far on any of the topics. */
	public List<ConsumerRecord<String, byte[]>> seen() {
		consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
		return List.copyOf(seen);
	}

	@Override
	public void close() {
		consumer.close();
	}

}
