package org.prolo.platform.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BrokerAccessTests {

	private static final String TOPIC = "owned.events";

	private static KraftBroker broker;

	@BeforeAll
	static void startBrokerWithOneWriter() throws Exception {
		broker = KraftBroker.startEphemeral();
		KafkaRoundTrip.createTopic(broker.superUserConfig(), TOPIC, 1);
		AclBinding writerMayWrite = new AclBinding(new ResourcePattern(ResourceType.TOPIC, TOPIC, PatternType.LITERAL),
				new AccessControlEntry("User:writer", "*", AclOperation.WRITE, AclPermissionType.ALLOW));
		broker.grant(Map.of("writer", "writer-password", "stranger", "stranger-password"), List.of(writerMayWrite));
	}

	@AfterAll
	static void stopBroker() {
		broker.close();
	}

	@Test
	void grantedUserWritesItsTopic() throws Exception {
		var client = KraftBroker.clientConfig(broker.bootstrapServers(), "writer", "writer-password");

		assertThat(send(client).offset()).isNotNegative();
	}

	@Test
	void signedInUserWithoutAnAclIsRefused() {
		var client = KraftBroker.clientConfig(broker.bootstrapServers(), "stranger", "stranger-password");

		assertThatThrownBy(() -> send(client)).hasCauseInstanceOf(TopicAuthorizationException.class);
	}

	@Test
	void wrongPasswordIsRefused() {
		var client = KraftBroker.clientConfig(broker.bootstrapServers(), "writer", "guessed");

		assertThatThrownBy(() -> send(client)).hasRootCauseInstanceOf(SaslAuthenticationException.class);
	}

	@Test
	void clientWithoutCredentialsGetsNoMetadata() {
		Map<String, Object> client = new HashMap<>();
		client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());

		// A PLAINTEXT client cannot speak to a SASL listener at all: it never learns the
		// topic's partitions and gives up.
		assertThatThrownBy(() -> send(client)).isInstanceOf(ExecutionException.class);
	}

	@Test
	void grantReplacesAclsThatAreNoLongerWanted() throws Exception {
		try (KraftBroker other = KraftBroker.startEphemeral()) {
			var stale = new AclBinding(new ResourcePattern(ResourceType.TOPIC, "old", PatternType.LITERAL),
					new AccessControlEntry("User:writer", "*", AclOperation.READ, AclPermissionType.ALLOW));
			var kept = new AclBinding(new ResourcePattern(ResourceType.TOPIC, "new", PatternType.LITERAL),
					new AccessControlEntry("User:writer", "*", AclOperation.WRITE, AclPermissionType.ALLOW));
			other.grant(Map.of("writer", "w"), List.of(stale, kept));

			other.grant(Map.of("writer", "w"), List.of(kept));

			try (var admin = KafkaRoundTrip.admin(other.superUserConfig())) {
				assertThat(admin.describeAcls(org.apache.kafka.common.acl.AclBindingFilter.ANY).values().get())
					.containsExactly(kept);
			}
		}
	}

	private static org.apache.kafka.clients.producer.RecordMetadata send(Map<String, Object> client) throws Exception {
		Map<String, Object> config = new HashMap<>(client);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5_000);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000);
		try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
			return producer.send(new ProducerRecord<>(TOPIC, "k", "v")).get(10, TimeUnit.SECONDS);
		}
	}

}
