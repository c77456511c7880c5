package org.prolo.intake.referral.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PatientDataPropertiesTests {

	static final String KEY = Base64.getEncoder().encodeToString(PatientDataCipherTests.key(3));

	final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(CipherOnly.class);

	@Test
	void intakeDoesNotStartWithoutAKeyAndNamesTheSetting() {
		context.run(started -> assertThat(started).hasFailed()
			.getFailure()
			.rootCause()
			.hasMessageStartingWith("intake.patient-data.active-key-id is not set")
			.hasMessageContaining("intake.patient-data.keys.<id>"));
	}

	@Test
	void startsWithAConfiguredKeyAndUsesIt() {
		context.withPropertyValues("intake.patient-data.keys.k2026=" + KEY, "intake.patient-data.active-key-id=k2026")
			.run(started -> assertThat(started.getBean(PatientDataCipher.class).encrypt("x", "R-1", "c"))
				.startsWith("v1:k2026:"));
	}

	/** As docs/data-at-rest.md tells an operator to pass them. */
	@Test
	void takesItsKeysFromEnvironmentVariables() {
		Map<String, Object> variables = Map.of("INTAKE_PATIENTDATA_KEYS_K2026", KEY, "INTAKE_PATIENTDATA_ACTIVEKEYID",
				"k2026");
		context
			.withInitializer(started -> started.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource(
						"operator-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables)))
			.run(started -> assertThat(started.getBean(PatientDataCipher.class).encrypt("x", "R-1", "c"))
				.startsWith("v1:k2026:"));
	}

	@Test
	void namesTheMissingActiveKey() {
		assertThatThrownBy(() -> new PatientDataProperties(Map.of("old", KEY), "new").cipher(false))
			.hasMessageStartingWith("intake.patient-data.keys.new is not set");
	}

	@Test
	void namesAKeyThatIsNotThirtyTwoBytesOfBase64() {
		assertThatThrownBy(() -> new PatientDataProperties(Map.of("a", "not base64!"), "a").cipher(false))
			.hasMessageStartingWith("intake.patient-data.keys.a is not base64");
		assertThatThrownBy(() -> new PatientDataProperties(Map.of("a", "c2hvcnQ="), "a").cipher(false))
			.hasMessageStartingWith("intake.patient-data.keys.a has 5 bytes, not 32");
		assertThatThrownBy(() -> new PatientDataProperties(Map.of("a_b", KEY), "a_b").cipher(false))
			.hasMessageStartingWith("intake.patient-data.keys.a_b: a key id may hold only");
	}

	@Test
	void theDemoKeyStartsIntakeInTheDemoProfileOnly() throws IOException {
		Map<String, Object> demoYaml = new Yaml()
			.load(Files.readString(Path.of("src/main/resources/application-demo.yml")));
		@SuppressWarnings("unchecked")
		Map<String, Object> patientData = (Map<String, Object>) ((Map<String, Object>) demoYaml.get("intake"))
			.get("patient-data");
		@SuppressWarnings("unchecked")
		String demoKey = ((Map<String, String>) patientData.get("keys")).get(patientData.get("active-key-id"));
		ApplicationContextRunner withDemoKey = context.withPropertyValues("intake.patient-data.keys.demo=" + demoKey,
				"intake.patient-data.active-key-id=demo");

		withDemoKey.run(started -> assertThat(started).hasFailed()
			.getFailure()
			.rootCause()
			.hasMessageStartingWith("intake.patient-data.keys.demo is the demo profile's key"));
		withDemoKey.withInitializer(started -> started.getEnvironment().setActiveProfiles("demo"))
			.run(started -> assertThat(started).hasNotFailed().hasSingleBean(PatientDataCipher.class));
		// An old key that happens to be the demo's is refused too, not only the active
		// one.
		assertThatThrownBy(() -> new PatientDataProperties(Map.of("demo", demoKey, "own", KEY), "own").cipher(false))
			.hasMessageContaining("is the demo profile's key");
	}

	@org.springframework.context.annotation.Import(PatientDataConfiguration.class)
	static class CipherOnly {

	}

}
