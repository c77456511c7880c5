package org.prolo.identity;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * Who is signed in: the OpenID Connect provider that the other services trust, with the
 * directory's users and the product's clients.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityApplication {

	public static void main(String[] args) {
		SpringApplication.run(IdentityApplication.class, args);
	}

	/** What the sign-in throttles and the clean-up of authorizations tell time by. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
