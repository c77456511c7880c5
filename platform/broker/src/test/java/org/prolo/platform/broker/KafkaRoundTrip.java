package org.prolo.platform.broker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plain kafka-clients calls shared by the broker tests, so each test reads as what it
 * proves.
 */
final class KafkaRoundTrip {

	private KafkaRoundTrip() {
	}

	static Admin admin(Map<String, Object> client) {
		return Admin.create(client);
	}

	static void createTopic(Map<String, Object> client, String topic, int partitions)
			throws ExecutionException, InterruptedException {
		try (Admin admin = admin(client)) {
			admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
		}
	}

	static Set<String> topicNames(Map<String, Object> client) throws ExecutionException, InterruptedException {
		try (Admin admin = admin(client)) {
			return admin.listTopics().names().get();
		}
	}

	static int partitionCount(Map<String, Object> client, String topic)
			throws ExecutionException, InterruptedException {
		try (Admin admin = admin(client)) {
			return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
		}
	}

	static RecordMetadata produce(Map<String, Object> client, String topic, String key, String value)
			throws ExecutionException, InterruptedException {
		Map<String, Object> config = new HashMap<>(client);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
				new StringSerializer())) {
			return producer.send(new ProducerRecord<>(topic, key, value)).get();
		}
	}

	/**
	 * Reads the topic from the beginning with a fresh consumer group until
	 * {@code expected} records arrived.
	 */
	static List<ConsumerRecord<String, String>> consume(Map<String, Object> client, String topic, int expected,
			Duration timeout) {
		Map<String, Object> config = new HashMap<>(client);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + timeout.toNanos();
			while (records.size() < expected && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
		}
		return records;
	}

}
