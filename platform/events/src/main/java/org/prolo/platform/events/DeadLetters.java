package org.prolo.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * What an operator needs once a record was parked: the list of dead letters with their
 * reasons, and a replay that puts one back on its original topic, unchanged (same key,
 * value and CloudEvents headers), after the cause was fixed. A replayed event keeps its
 * ce_id, so a consumer that did process it in the meantime drops it.
 */
public class DeadLetters {

	private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

	private static final Duration POLL = Duration.ofMillis(500);

	/**
	 * How many of the newest records of each dead-letter partition {@link #withKey}
	 * reads: a look-up stays quick however long a dead-letter topic grows.
	 */
	public static final int KEY_SCAN_DEPTH = 10_000;

	private final Map<String, Object> clientConfig;

	private final KafkaTemplate<String, Object> template;

	/**
	 * @param clientConfig the service's consumer settings (bootstrap servers, sign-in);
	 * group, deserializers and commits are set here
	 */
	public DeadLetters(Map<String, Object> clientConfig, KafkaTemplate<String, Object> template) {
		this.clientConfig = Map.copyOf(clientConfig);
		this.template = template;
	}

	/**
	 * One parked record, without its value: the body may carry clinical facts and is not
	 * shown. {@code originalConsumerGroup} is the group (the service) that parked it.
	 */
	public record DeadLetter(String deadLetterTopic, int partition, long offset, String key, Instant parkedAt,
			String originalTopic, Integer originalPartition, Long originalOffset, String reason, String eventType,
			String eventId, String originalConsumerGroup) {
	}

	/** Every record in {@code <topic>.DLT}, oldest first. */
	public List<DeadLetter> list(String topic) {
		List<DeadLetter> letters = new ArrayList<>();
		try (Consumer<String, byte[]> consumer = consumer()) {
			for (ConsumerRecord<String, byte[]> record : readAll(consumer, EventTopics.deadLetterOf(topic))) {
				letters.add(describe(record));
			}
		}
		letters.sort(Comparator.comparing(DeadLetter::parkedAt));
		return letters;
	}

	/**
	 * The dead letters with this key (a referral id) in every {@code *.DLT} topic on the
	 * broker, whoever consumes it, oldest first; only the newest {@value #KEY_SCAN_DEPTH}
	 * records of each partition are read.
	 */
	public List<DeadLetter> withKey(String key) {
		List<DeadLetter> letters = new ArrayList<>();
		try (Consumer<String, byte[]> consumer = consumer()) {
			List<TopicPartition> partitions = consumer.listTopics(Duration.ofSeconds(10))
				.entrySet()
				.stream()
				.filter(topic -> topic.getKey().endsWith(EventTopics.DLT_SUFFIX))
				.flatMap(topic -> topic.getValue()
					.stream()
					.map(info -> new TopicPartition(info.topic(), info.partition())))
				.toList();
			if (partitions.isEmpty()) {
				return letters;
			}
			consumer.assign(partitions);
			Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			partitions.forEach(tp -> consumer.seek(tp, Math.max(beginning.get(tp), end.get(tp) - KEY_SCAN_DEPTH)));
			while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
					if (key.equals(record.key())) {
						letters.add(describe(record));
					}
				}
			}
		}
		letters.sort(Comparator.comparing(DeadLetter::parkedAt));
		return letters;
	}

	/**
	 * Sends the dead letter at this partition and offset back to the topic it came from.
	 * @throws IllegalArgumentException when there is no such dead letter
	 */
	public DeadLetter replay(String topic, int partition, long offset) {
		String deadLetterTopic = EventTopics.deadLetterOf(topic);
		try (Consumer<String, byte[]> consumer = consumer()) {
			TopicPartition tp = new TopicPartition(deadLetterTopic, partition);
			consumer.assign(List.of(tp));
			consumer.seek(tp, offset);
			for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(5)).records(tp)) {
				if (record.offset() != offset) {
					break;
				}
				DeadLetter letter = describe(record);
				String target = topic;
				requireTheOriginal(consumer, topic, letter, record);
				ProducerRecord<String, Object> replayed = new ProducerRecord<>(target, record.key(), record.value());
				for (Header header : record.headers()) {
					if (!header.key().startsWith(KafkaHeaders.PREFIX)
							&& !header.key().equals(EventTopics.DLT_REASON_HEADER)) {
						replayed.headers().add(header);
					}
				}
				try {
					template.send(replayed).join();
				}
				catch (RuntimeException e) {
					if (NestedExceptionUtils.getMostSpecificCause(e) instanceof TopicAuthorizationException) {
						// Only a topic's producer may write it (docs/kafka-security.md):
						// a consumer's replay needs WRITE granted on purpose.
						throw new ReplayRefusedException(target, e);
					}
					throw e;
				}
				log.info("Replayed dead letter {}-{}@{} ({} {}) to {}", deadLetterTopic, partition, offset,
						letter.eventType(), letter.eventId(), target);
				return letter;
			}
		}
		throw new IllegalArgumentException("No dead letter at " + deadLetterTopic + "-" + partition + "@" + offset);
	}

	/**
	 * Any consumer of a topic may write its dead-letter topic, so a dead letter is only
	 * as trustworthy as the least trusted consumer. A replay therefore sends nothing but
	 * what the topic's producer wrote: the record the dead letter names, read back from
	 * the original topic, byte for byte the same.
	 */
	private static void requireTheOriginal(Consumer<String, byte[]> consumer, String topic, DeadLetter letter,
			ConsumerRecord<String, byte[]> deadLetter) {
		if (letter.originalTopic() == null || !letter.originalTopic().equals(topic)
				|| letter.originalPartition() == null || letter.originalOffset() == null) {
			throw new ReplayRefusedException("The dead letter does not name a record of " + topic + " to replay");
		}
		TopicPartition source = new TopicPartition(topic, letter.originalPartition());
		try {
			consumer.assign(List.of(source));
			consumer.seek(source, letter.originalOffset());
			for (ConsumerRecord<String, byte[]> original : consumer.poll(Duration.ofSeconds(5)).records(source)) {
				if (original.offset() == letter.originalOffset() && Objects.equals(original.key(), deadLetter.key())
						&& Arrays.equals(original.value(), deadLetter.value())) {
					return;
				}
				break;
			}
		}
		catch (TopicAuthorizationException e) {
			throw new ReplayRefusedException("This service may not read " + topic
					+ ", so it cannot check the dead letter against the original record", e);
		}
		throw new ReplayRefusedException("The dead letter is not the record at " + topic + "-"
				+ letter.originalPartition() + "@" + letter.originalOffset() + " (changed, or gone with retention)");
	}

	/**
	 * The replay is refused: the broker does not let this service's principal write the
	 * original topic, which belongs to its producer, or the dead letter is not the record
	 * the producer wrote.
	 */
	public static final class ReplayRefusedException extends IllegalStateException {

		ReplayRefusedException(String topic, Throwable cause) {
			super("The broker refuses this service's write to " + topic
					+ ": only its producer may write it unless WRITE is granted for replays", cause);
		}

		ReplayRefusedException(String message) {
			super(message);
		}

		ReplayRefusedException(String message, TopicAuthorizationException cause) {
			super(message, cause);
		}

	}

	/**
	 * How this reader reaches the broker: the service's own connection and sign-in,
	 * without its group and deserializers.
	 */
	Map<String, Object> connection() {
		Map<String, Object> config = new HashMap<>(clientConfig);
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
		config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
		return config;
	}

	private Consumer<String, byte[]> consumer() {
		// No group: an operator's look must not move any consumer's offsets.
		Map<String, Object> config = connection();
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, "dead-letters-" + UUID.randomUUID());
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
	}

	private static List<ConsumerRecord<String, byte[]>> readAll(Consumer<String, byte[]> consumer, String topic) {
		List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10))
			.stream()
			.map(info -> new TopicPartition(topic, info.partition()))
			.toList();
		consumer.assign(partitions);
		consumer.seekToBeginning(partitions);
		Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
			consumer.poll(POLL).forEach(records::add);
		}
		return records;
	}

	private static DeadLetter describe(ConsumerRecord<String, byte[]> record) {
		return new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(),
				Instant.ofEpochMilli(record.timestamp()), text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC),
				integer(record, KafkaHeaders.DLT_ORIGINAL_PARTITION),
				longValue(record, KafkaHeaders.DLT_ORIGINAL_OFFSET), text(record, EventTopics.DLT_REASON_HEADER),
				text(record, CloudEventHeaders.TYPE), text(record, CloudEventHeaders.ID),
				text(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP));
	}

	private static String text(ConsumerRecord<?, ?> record, String key) {
		Header header = record.headers().lastHeader(key);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	// spring-kafka writes the original partition and offset as big-endian binary numbers.
	private static Integer integer(ConsumerRecord<?, ?> record, String key) {
		Header header = record.headers().lastHeader(key);
		return (header != null && header.value().length == 4) ? java.nio.ByteBuffer.wrap(header.value()).getInt()
				: null;
	}

	private static Long longValue(ConsumerRecord<?, ?> record, String key) {
		Header header = record.headers().lastHeader(key);
		return (header != null && header.value().length == 8) ? java.nio.ByteBuffer.wrap(header.value()).getLong()
				: null;
	}

}
