package org.prolo.intake;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Takes referrals from physicians and keeps the patient's identifying data; see
 * package-info.
 */
@SpringBootApplication
public class IntakeApplication {

	public static void main(String[] args) {
		SpringApplication.run(IntakeApplication.class, args);
	}

}
