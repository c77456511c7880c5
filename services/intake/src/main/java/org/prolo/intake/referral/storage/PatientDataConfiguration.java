package org.prolo.intake.referral.storage;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The patient data cipher, built (or refused) when intake starts. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PatientDataProperties.class)
class PatientDataConfiguration {

	@Bean
	PatientDataCipher patientDataCipher(PatientDataProperties properties) {
		return properties.cipher();
	}

	@Bean
	EncryptingExistingPatientData encryptingExistingPatientData(PatientDataCipher cipher) {
		return new EncryptingExistingPatientData(cipher);
	}

}
