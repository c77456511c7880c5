package org.prolo.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.config.SaslConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.prolo.platform.events.KafkaSignIn.KafkaSignInRefusedException;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

class KafkaSignInTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EventsAutoConfiguration.class, KafkaAutoConfiguration.class))
		.withPropertyValues("spring.application.name=imaging", "spring.kafka.bootstrap-servers=127.0.0.1:1");

	@Test
	void signsInWithScramAsTheApplicationByDefault() {
		KafkaProperties kafka = apply(new MockEnvironment().withProperty("spring.application.name", "imaging")
			.withProperty("prolo.kafka.password", "s3cret-from-vault"));

		assertThat(kafka.getSecurity().getProtocol()).isEqualTo("SASL_PLAINTEXT");
		assertThat(kafka.getProperties()).containsEntry(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512")
			.containsEntry(SaslConfigs.SASL_JAAS_CONFIG,
					"org.apache.kafka.common.security.scram.ScramLoginModule required username=\"imaging\""
							+ " password=\"s3cret-from-vault\";");
	}

	@Test
	void keepsAnExplicitSaslSslProtocol() {
		var environment = new MockEnvironment().withProperty("prolo.kafka.username", "imaging")
			.withProperty("prolo.kafka.password", "pw\"with\\quotes");
		KafkaProperties kafka = new KafkaProperties();
		kafka.getSecurity().setProtocol("SASL_SSL");

		KafkaSignIn.from(environment).applyTo(kafka);

		assertThat(kafka.getSecurity().getProtocol()).isEqualTo("SASL_SSL");
		assertThat(kafka.getProperties().get(SaslConfigs.SASL_JAAS_CONFIG))
			.endsWith("password=\"pw\\\"with\\\\quotes\";");
	}

	@Test
	void refusesAMissingPasswordNamingTheSetting() {
		var environment = new MockEnvironment().withProperty("spring.application.name", "imaging");

		assertThatThrownBy(() -> apply(environment)).isInstanceOf(KafkaSignInRefusedException.class)
			.hasMessageContaining("PROLO_KAFKA_PASSWORD")
			.hasMessageContaining("prolo.kafka.password");
	}

	@Test
	void refusesADemoPasswordOutsideTheDemoProfile() {
		var environment = new MockEnvironment().withProperty("spring.application.name", "imaging")
			.withProperty("prolo.kafka.password", KafkaAccess.demoPassword("imaging"));

		assertThatThrownBy(() -> apply(environment)).isInstanceOf(KafkaSignInRefusedException.class)
			.hasMessageContaining("demo password")
			.hasMessageContaining("PROLO_KAFKA_PASSWORD");
	}

	@Test
	void acceptsTheDemoPasswordInTheDemoProfile() {
		var environment = new MockEnvironment().withProperty("spring.application.name", "imaging")
			.withProperty("prolo.kafka.password", KafkaAccess.demoPassword("imaging"));
		environment.setActiveProfiles("demo");

		assertThat(apply(environment).getProperties().get(SaslConfigs.SASL_JAAS_CONFIG))
			.contains(KafkaAccess.demoPassword("imaging"));
	}

	@Test
	void takesAnExplicitJaasConfigurationAsTheSignIn() {
		String jaas = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"prolo-imaging\""
				+ " password=\"from-the-cluster\";";
		KafkaProperties kafka = new KafkaProperties();
		kafka.getProperties().put(SaslConfigs.SASL_JAAS_CONFIG, jaas);

		KafkaSignIn.from(new MockEnvironment().withProperty("spring.application.name", "imaging")).applyTo(kafka);

		assertThat(kafka.getProperties()).containsEntry(SaslConfigs.SASL_JAAS_CONFIG, jaas);
		assertThat(kafka.getSecurity().getProtocol()).isEqualTo("SASL_PLAINTEXT");
	}

	@ParameterizedTest
	@ValueSource(strings = { "password=\"%s\";", "password='%s';", "password=%s;", "password = \"%s\" ;" })
	void refusesADemoPasswordInAnExplicitJaasConfigurationHoweverItIsQuoted(String passwordOption) {
		KafkaProperties kafka = new KafkaProperties();
		kafka.getProperties()
			.put(SaslConfigs.SASL_JAAS_CONFIG,
					"org.apache.kafka.common.security.scram.ScramLoginModule required username=\"imaging\" "
							+ passwordOption.formatted(KafkaAccess.demoPassword("imaging")));
		KafkaSignIn signIn = KafkaSignIn.from(new MockEnvironment().withProperty("spring.application.name", "imaging"));

		assertThatThrownBy(() -> signIn.applyTo(kafka)).isInstanceOf(KafkaSignInRefusedException.class)
			.hasMessageContaining("spring.kafka.properties.sasl.jaas.config");
	}

	@Test
	void refusesAnUnreadableJaasConfiguration() {
		KafkaProperties kafka = new KafkaProperties();
		kafka.getProperties().put(SaslConfigs.SASL_JAAS_CONFIG, "not a login module");
		KafkaSignIn signIn = KafkaSignIn.from(new MockEnvironment().withProperty("spring.application.name", "imaging"));

		assertThatThrownBy(() -> signIn.applyTo(kafka)).isInstanceOf(KafkaSignInRefusedException.class)
			.hasMessageContaining("cannot be read");
	}

	@Test
	void mutualTlsNeedsAClientCertificate() {
		var environment = new MockEnvironment().withProperty("prolo.kafka.authentication", "mtls");

		assertThatThrownBy(() -> apply(environment)).isInstanceOf(KafkaSignInRefusedException.class)
			.hasMessageContaining("spring.kafka.ssl.bundle");
	}

	@Test
	void mutualTlsUsesSslAndNoSasl() {
		var environment = new MockEnvironment().withProperty("prolo.kafka.authentication", "mtls");
		KafkaProperties kafka = new KafkaProperties();
		kafka.getSsl().setBundle("kafka-client");

		KafkaSignIn.from(environment).applyTo(kafka);

		assertThat(kafka.getSecurity().getProtocol()).isEqualTo("SSL");
		assertThat(kafka.getProperties()).doesNotContainKey(SaslConfigs.SASL_JAAS_CONFIG);
	}

	@Test
	void serviceWithoutKafkaPasswordFailsToStart() {
		contexts.run(context -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.isInstanceOf(KafkaSignInRefusedException.class)
			.hasMessageContaining("PROLO_KAFKA_PASSWORD"));
	}

	@Test
	void everyClientOfTheServiceSignsIn() {
		contexts.withPropertyValues("prolo.kafka.password=s3cret-from-vault").run(context -> {
			KafkaProperties kafka = context.getBean(KafkaProperties.class);
			assertThat(kafka.buildProducerProperties(null)).containsEntry(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512")
				.containsEntry("security.protocol", "SASL_PLAINTEXT");
			assertThat(kafka.buildAdminProperties(null)).containsKey(SaslConfigs.SASL_JAAS_CONFIG);
		});
	}

	private static KafkaProperties apply(MockEnvironment environment) {
		KafkaProperties kafka = new KafkaProperties();
		KafkaSignIn.from(environment).applyTo(kafka);
		return kafka;
	}

}
