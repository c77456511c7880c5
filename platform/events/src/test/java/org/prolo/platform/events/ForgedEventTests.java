package org.prolo.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.prolo.platform.broker.KraftBroker;
import org.prolo.platform.broker.SharedTestBroker;
import org.prolo.platform.testing.TestKafka;

/**
 * The broker, with the ACLs of {@link KafkaAccess}, refuses a forged ImagingReported from
 * anyone but the imaging service.
 */
class ForgedEventTests {

	@BeforeAll
	static void imagingTopicExists() throws Exception {
		try (Admin admin = Admin.create(SharedTestBroker.clientConfig(SharedTestBroker.bootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(EventTopics.IMAGING, 1, (short) 1))).all().get();
		}
		catch (java.util.concurrent.ExecutionException e) {
			if (!(e.getCause() instanceof TopicExistsException)) {
				throw e;
			}
		}
	}

	@Test
	void imagingPublishesImagingReported() throws Exception {
		assertThat(sendImagingReported(TestKafka.clientConfig("imaging")).topic()).isEqualTo(EventTopics.IMAGING);
	}

	@Test
	void notificationCannotForgeImagingReported() {
		assertThatThrownBy(() -> sendImagingReported(TestKafka.clientConfig("notification")))
			.hasCauseInstanceOf(TopicAuthorizationException.class);
	}

	@Test
	void workflowWhichConsumesImagingEventsCannotWriteThem() {
		assertThatThrownBy(() -> sendImagingReported(TestKafka.clientConfig("workflow")))
			.hasCauseInstanceOf(TopicAuthorizationException.class);
	}

	@Test
	void signedInStrangerCannotForgeImagingReported() {
		assertThatThrownBy(() -> sendImagingReported(TestKafka.strangerConfig("stranger")))
			.hasCauseInstanceOf(TopicAuthorizationException.class);
	}

	@Test
	void wrongPasswordIsRefusedAtSignIn() {
		var guessing = KraftBroker.clientConfig(SharedTestBroker.bootstrapServers(), "imaging",
				KafkaAccess.demoPassword("imaging"));

		assertThatThrownBy(() -> sendImagingReported(guessing))
			.hasRootCauseInstanceOf(SaslAuthenticationException.class);
	}

	@Test
	void clientWithoutCredentialsCannotPublish() {
		Map<String, Object> anonymous = new HashMap<>();
		anonymous.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestBroker.bootstrapServers());

		assertThatThrownBy(() -> sendImagingReported(anonymous))
			.isInstanceOf(java.util.concurrent.ExecutionException.class);
	}

	private static RecordMetadata sendImagingReported(Map<String, Object> client) throws Exception {
		Map<String, Object> config = new HashMap<>(client);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5_000);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000);
		var forged = new ProducerRecord<String, byte[]>(EventTopics.IMAGING, "R-forged", new byte[] { 0 });
		forged.headers().add(CloudEventHeaders.TYPE, "org.prolo.imaging.ImagingReported".getBytes());
		try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
			return producer.send(forged).get(10, TimeUnit.SECONDS);
		}
	}

}
