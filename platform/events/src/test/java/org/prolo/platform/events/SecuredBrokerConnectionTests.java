package org.prolo.platform.events;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

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

}
