package org.prolo.platform.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KraftBrokerTests {

	private static final Duration CONSUME_TIMEOUT = Duration.ofSeconds(30);

	@Test
	void ephemeralBrokerCreatesTopicsAndDeliversRecords() throws Exception {
		try (KraftBroker broker = KraftBroker.startEphemeral()) {
			String servers = broker.bootstrapServers();
			Map<String, Object> client = broker.superUserConfig();

			KafkaRoundTrip.createTopic(client, "referrals", 3);
			RecordMetadata sent = KafkaRoundTrip.produce(client, "referrals", "r-1", "submitted");
			List<ConsumerRecord<String, String>> received = KafkaRoundTrip.consume(client, "referrals", 1,
					CONSUME_TIMEOUT);

			assertThat(servers).startsWith("127.0.0.1:");
			assertThat(KafkaRoundTrip.partitionCount(client, "referrals")).isEqualTo(3);
			assertThat(sent.offset()).isZero();
			assertThat(received).singleElement().satisfies(record -> {
				assertThat(record.key()).isEqualTo("r-1");
				assertThat(record.value()).isEqualTo("submitted");
			});
		}
	}

	@Test
	void ephemeralBrokerDeletesItsDirectoryOnClose() {
		KraftBroker broker = KraftBroker.startEphemeral();
		Path dir = broker.dataDir();
		assertThat(dir.resolve("meta.properties")).exists();

		broker.close();

		assertThat(dir).doesNotExist();
	}

	@Test
	void restartOnTheSameDirectoryKeepsTopicsAndRecords(@TempDir Path dataDir) throws Exception {
		try (KraftBroker first = KraftBroker.start(dataDir, 0)) {
			KafkaRoundTrip.createTopic(first.superUserConfig(), "appointments", 3);
			KafkaRoundTrip.produce(first.superUserConfig(), "appointments", "a-1", "booked");
		}

		try (KraftBroker second = KraftBroker.start(dataDir, 0)) {
			Map<String, Object> client = second.superUserConfig();

			assertThat(KafkaRoundTrip.topicNames(client)).contains("appointments");
			assertThat(KafkaRoundTrip.partitionCount(client, "appointments")).isEqualTo(3);
			assertThat(KafkaRoundTrip.consume(client, "appointments", 1, CONSUME_TIMEOUT)).singleElement()
				.satisfies(record -> assertThat(record.value()).isEqualTo("booked"));
		}
		assertThat(dataDir.resolve("meta.properties")).exists();
	}

	@Test
	void startRefusesAPortThatIsAlreadyTaken(@TempDir Path dataDir) throws Exception {
		try (ServerSocket occupied = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			int port = occupied.getLocalPort();

			assertThatThrownBy(() -> KraftBroker.start(dataDir, port)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("Port " + port)
				.hasMessageContaining("already in use");
		}
	}

}
