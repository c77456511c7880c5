package org.prolo.platform.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class SharedTestBrokerTests {

	@Test
	void everyCallerInTheJvmGetsTheSameBroker() {
		String first = SharedTestBroker.bootstrapServers();
		String second = SharedTestBroker.bootstrapServers();

		assertThat(second).isEqualTo(first);
	}

	@Test
	void sharedBrokerUsesTheSingleNodeDefaults() throws Exception {
		Map<String, Object> client = SharedTestBroker.clientConfig(SharedTestBroker.bootstrapServers());

		try (Admin admin = KafkaRoundTrip.admin(client)) {
			ConfigResource node = new ConfigResource(ConfigResource.Type.BROKER, "1");
			Config config = admin.describeConfigs(List.of(node)).all().get().get(node);

			assertThat(config.get("auto.create.topics.enable").value()).isEqualTo("false");
			assertThat(config.get("num.partitions").value()).isEqualTo("3");
			assertThat(config.get("offsets.topic.replication.factor").value()).isEqualTo("1");
			assertThat(config.get("transaction.state.log.replication.factor").value()).isEqualTo("1");
		}
	}

	@Test
	void producingToAnUndeclaredTopicFailsInsteadOfCreatingIt() throws Exception {
		Map<String, Object> config = SharedTestBroker.clientConfig(SharedTestBroker.bootstrapServers());
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000);

		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
				new StringSerializer())) {
			Assertions
				.assertThatThrownBy(
						() -> producer.send(new ProducerRecord<>("no-such-topic", "x")).get(5, TimeUnit.SECONDS))
				.isInstanceOf(ExecutionException.class);
		}
		assertThat(KafkaRoundTrip.topicNames(SharedTestBroker.clientConfig(SharedTestBroker.bootstrapServers())))
			.doesNotContain("no-such-topic");
	}

}
