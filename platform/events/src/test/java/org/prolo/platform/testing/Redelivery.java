package org.prolo.platform.testing;

import java.time.Duration;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.prolo.platform.broker.SharedTestBroker;

import static org.awaitility.Awaitility.await;

/**
 * What the broker and a producer do to a consumer in the failures a service must absorb:
 * the very record again, ce_id and all, as a rebalance or a producer retry delivers it;
 * and when a service's consumer group is done with a record. Like the EventProbe it is an
 * observer of the wire, signed in as the test broker's super user.
 */
public final class Redelivery {

	private Redelivery() {
	}

	/** Sends the record again to its partition, key, value and headers unchanged. */
	public static RecordMetadata resend(String bootstrapServers, ConsumerRecord<String, byte[]> original) {
		return send(bootstrapServers, new ProducerRecord<>(original.topic(), original.partition(), original.key(),
				original.value(), original.headers()));
	}

	/**
	 * Sends a record built by hand, such as one a test sends twice with the same ce_id.
	 */
	public static RecordMetadata send(String bootstrapServers, ProducerRecord<String, byte[]> record) {
		try (var producer = new KafkaProducer<>(SharedTestBroker.clientConfig(bootstrapServers), new StringSerializer(),
				new ByteArraySerializer())) {
			return producer.send(record).get();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("The broker did not take the record", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Waits until the consumer group has committed past the record. A listener commits a
	 * record's offset after handling it: proof the record went through it.
	 */
	public static void awaitConsumed(String bootstrapServers, String group, RecordMetadata record, Duration timeout) {
		TopicPartition partition = new TopicPartition(record.topic(), record.partition());
		try (Admin admin = Admin.create(SharedTestBroker.clientConfig(bootstrapServers))) {
			await().atMost(timeout).until(() -> {
				OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group)
					.partitionsToOffsetAndMetadata()
					.get()
					.get(partition);
				return committed != null && committed.offset() > record.offset();
			});
		}
	}

}
