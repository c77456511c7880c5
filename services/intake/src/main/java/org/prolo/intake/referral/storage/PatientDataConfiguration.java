package org.prolo.intake.referral.storage;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/** The patient data cipher, built (or refused) when intake starts. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PatientDataProperties.class)
class PatientDataConfiguration {

	static final String DEMO_PROFILE = "demo";

	@Bean
	PatientDataCipher patientDataCipher(PatientDataProperties properties, Environment environment) {
		return properties.cipher(environment.acceptsProfiles(Profiles.of(DEMO_PROFILE)));
	}

	@Bean
	EncryptingExistingPatientData encryptingExistingPatientData(PatientDataCipher cipher) {
		return new EncryptingExistingPatientData(cipher);
	}

}
