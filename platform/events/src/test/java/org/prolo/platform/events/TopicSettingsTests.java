package org.prolo.platform.events;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.prolo.platform.broker.SharedTestBroker;
import org.prolo.platform.testing.TestKafka;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Topics are created with the partitions, replication factor and min.insync.replicas of
 * the configuration (here the in-process broker's one node), and every producer waits for
 * all in-sync replicas and writes a retried send once, whatever spring.kafka.producer
 * says.
 */
@SpringBootTest(classes = TopicSettingsTests.Declaring.class,
		properties = { "spring.application.name=settings", "prolo.events.owned-topics=settings.events",
				"prolo.events.consumed-topics=settings.upstream-events", "prolo.events.partitions=2",
				"prolo.events.replication-factor=1", "prolo.events.min-insync-replicas=1",
				"spring.kafka.producer.acks=1", "spring.kafka.producer.properties.enable.idempotence=false" })
class TopicSettingsTests {

	static final List<String> DECLARED = List.of("settings.events", "settings.events.DLT",
			"settings.upstream-events.DLT");

	@DynamicPropertySource
	static void broker(DynamicPropertyRegistry registry) {
		TestKafka.signIn(registry, new KafkaAccess("settings", List.of("settings.events"),
				List.of("settings.upstream-events"), List.of("settings")));
	}

	@Autowired
	ProducerFactory<String, Object> producers;

	@Test
	void createsEveryDeclaredTopicWithTheConfiguredPartitionsAndReplicas() throws Exception {
		try (Admin admin = Admin.create(SharedTestBroker.clientConfig(SharedTestBroker.bootstrapServers()))) {
			Map<String, TopicDescription> topics = admin.describeTopics(DECLARED).allTopicNames().get();

			assertThat(topics).containsOnlyKeys(DECLARED);
			assertThat(topics.values()).allSatisfy(topic -> {
				assertThat(topic.partitions()).as(topic.name()).hasSize(2);
				assertThat(topic.partitions()).allSatisfy(partition -> assertThat(partition.replicas()).hasSize(1));
			});
		}
	}

	@Test
	void setsMinInsyncReplicasOnTheTopicItself() throws Exception {
		try (Admin admin = Admin.create(SharedTestBroker.clientConfig(SharedTestBroker.bootstrapServers()))) {
			var resources = DECLARED.stream().map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
			var configs = admin.describeConfigs(resources).all().get();

			assertThat(configs.values()).hasSize(DECLARED.size()).allSatisfy(config -> {
				ConfigEntry minInsync = config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
				assertThat(minInsync.value()).isEqualTo("1");
				// Set on the topic, not inherited from the broker's default of the same
				// value.
				assertThat(minInsync.source()).isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
			});
		}
	}

	@Test
	void producersWaitForAllInSyncReplicasAndAreIdempotentWhateverTheServiceSays() {
		assertThat(producers.getConfigurationProperties()).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
			.containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
	}

	@Test
	void leavesReplicationToTheBrokerWhenUnset() {
		var properties = new EventsProperties(null, List.of("settings.events"), List.of(), 3, null, null, null, null);

		var topics = EventsAutoConfiguration.topicsOf(properties);

		assertThat(topics).hasSize(2).allSatisfy(topic -> {
			assertThat(topic.numPartitions()).isEqualTo(3);
			assertThat(topic.replicationFactor()).isEqualTo((short) -1);
			assertThat((topic.configs() != null) ? topic.configs() : Map.of())
				.doesNotContainKey(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
		});
	}

	@Test
	void declaresProductionSettingsForEveryTopic() {
		var properties = new EventsProperties(null, List.of("settings.events"), List.of("settings.upstream-events"), 3,
				(short) 3, 2, null, null);

		var topics = EventsAutoConfiguration.topicsOf(properties);

		assertThat(topics).hasSize(3).allSatisfy(topic -> {
			assertThat(topic.replicationFactor()).isEqualTo((short) 3);
			assertThat(topic.configs()).containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
		});
	}

	@Configuration
	@ImportAutoConfiguration({ EventsAutoConfiguration.class, KafkaAutoConfiguration.class })
	static class Declaring {

	}

}
