package org.prolo.identity;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The clean-up runs by itself, on its interval: an expired authorization disappears
 * without anyone calling it.
 */
@SpringBootTest(properties = "prolo.identity.authorizations.clean-up-interval=200ms")
@ActiveProfiles("demo")
class ScheduledCleanUpTests {

	@TestConfiguration(proxyBeanMethods = false)
	static class Clock {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock();
		}

	}

	@Autowired
	TestClock clock;

	@Autowired
	OAuth2AuthorizationService authorizations;

	@Autowired
	RegisteredClientRepository clients;

	@Test
	void removesAnExpiredAuthorizationOnItsSchedule() throws InterruptedException {
		Instant now = Instant.now();
		this.authorizations.save(OAuth2Authorization.withRegisteredClient(this.clients.findByClientId("intake"))
			.id("client-token")
			.principalName("intake")
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access", now,
					now.plus(Duration.ofMinutes(30))))
			.build());
		Thread.sleep(600);
		assertThat(this.authorizations.findById("client-token")).as("still valid").isNotNull();

		this.clock.advance(Duration.ofHours(2));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.authorizations.findById("client-token")).isNull());
	}

}
