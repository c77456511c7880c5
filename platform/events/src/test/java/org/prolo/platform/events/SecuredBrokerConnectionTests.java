package org.prolo.platform.events;

import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.kafka.core.ProducerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a cluster with SCRAM users (Kubernetes, Strimzi) every client of a service signs in
 * as that service, the dead-letter reader too.
 */
class SecuredBrokerConnectionTests {

	@Test
	void readsDeadLettersWithTheServicesOwnSecuritySettingsAndNoGroup() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(EventsAutoConfiguration.class, KafkaAutoConfiguration.class))
			.withPropertyValues("spring.kafka.bootstrap-servers=kafka-bootstrap:9093",
					"spring.kafka.security.protocol=SASL_SSL", "spring.kafka.consumer.group-id=intake",
					"spring.kafka.properties.sasl.mechanism=SCRAM-SHA-512",
					"spring.kafka.properties.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;")
			.run(context -> assertThat(context.getBean(DeadLetters.class).connection())
				.containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL")
				.containsEntry(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512")
				.containsKey(SaslConfigs.SASL_JAAS_CONFIG)
				.doesNotContainKey(CommonClientConfigs.GROUP_ID_CONFIG)
				.extractingByKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)
				.asString()
				.contains("kafka-bootstrap:9093"));
	}

	/**
	 * The Kubernetes manifests configure the services by environment variables (the
	 * ConfigMap prolo-events and each Kafka user's Secret); these are the names they use,
	 * bound as Boot binds the process environment.
	 */
	@Test
	void bindsTheKubernetesEnvironmentVariablesToTheClientsAndTopics() {
		Map<String, Object> environment = Map.of("KAFKA_BOOTSTRAP_SERVERS", "prolo-kafka-kafka-bootstrap:9093",
				"SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512",
				"SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG",
				"org.apache.kafka.common.security.scram.ScramLoginModule required username=\"prolo-intake\" password=\"x\";",
				"SPRING_KAFKA_SSL_TRUST_STORE_TYPE", "PEM", "SPRING_KAFKA_SSL_TRUST_STORE_LOCATION",
				"file:/etc/kafka-ca/ca.crt", "PROLO_EVENTS_PARTITIONS", "3", "PROLO_EVENTS_REPLICATION_FACTOR", "3",
				"PROLO_EVENTS_MIN_INSYNC_REPLICAS", "2");
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(EventsAutoConfiguration.class, KafkaAutoConfiguration.class))
			.withInitializer(context -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource(
						StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)))
			.withPropertyValues("spring.kafka.bootstrap-servers=${KAFKA_BOOTSTRAP_SERVERS}")
			.run(context -> {
				@SuppressWarnings("unchecked")
				ProducerFactory<String, Object> producers = context.getBean(ProducerFactory.class);
				for (Map<String, Object> client : java.util.List.of(producers.getConfigurationProperties(),
						context.getBean(DeadLetters.class).connection())) {
					assertThat(client).containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL")
						.containsEntry(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512")
						.containsEntry(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM")
						.containsEntry(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, "/etc/kafka-ca/ca.crt");
					assertThat(String.valueOf(client.get(SaslConfigs.SASL_JAAS_CONFIG))).contains("prolo-intake");
				}
				EventsProperties events = context.getBean(EventsProperties.class);
				assertThat(events.partitions()).isEqualTo(3);
				assertThat(events.replicationFactor()).isEqualTo((short) 3);
				assertThat(events.minInsyncReplicas()).isEqualTo(2);
			});
	}

}
