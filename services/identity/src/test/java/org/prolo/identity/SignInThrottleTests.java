package org.prolo.identity;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed sign-ins on the login form, over real HTTP: three for one user name, or eight
 * from one address, and the next attempt is refused for the lock-out time without its
 * password being checked, even when it is the right one. Each test starts a day after the
 * last, so no lock-out carries over.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "prolo.identity.sign-in-throttle.failures-per-user=3",
				"prolo.identity.sign-in-throttle.failures-per-source=8", "prolo.identity.sign-in-throttle.window=10m",
				"prolo.identity.sign-in-throttle.lockout=15m" })
@ActiveProfiles("demo")
class SignInThrottleTests {

	private static final String CLI_REDIRECT = "http://127.0.0.1:8765/callback";

	private static final String REFUSED = "Too many failed sign-ins. Try again later.";

	@TestConfiguration(proxyBeanMethods = false)
	static class ClockAndCountedPasswords {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock();
		}

		/**
		 * The service's own encoder, counting how often a password is checked; in its
		 * place, since the authorization server wants exactly one.
		 */
		@Bean
		static BeanPostProcessor countingPasswords() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return (bean instanceof PasswordEncoder encoder && !(bean instanceof CountingPasswordEncoder))
							? new CountingPasswordEncoder(encoder) : bean;
				}
			};
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	CountingPasswordEncoder passwords;

	@BeforeEach
	void aDayLater() {
		this.clock.advance(Duration.ofDays(1));
	}

	private BrowserSignIn browser() {
		return new BrowserSignIn(URI.create("http://localhost:" + this.port));
	}

	@Test
	void refusesAUserAfterThreeFailuresWithoutCheckingEvenTheRightPassword() {
		for (int i = 0; i < 3; i++) {
			assertThat(signIn(browser(), "leo", "not-leo")).as("failure " + (i + 1)).isEqualTo(Answer.WRONG_PASSWORD);
		}
		int checked = this.passwords.checks();

		HttpResponse<String> refused = browser().postLogin(request(), "leo", "leo");

		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).hasValue("900");
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(refused.body()).contains(REFUSED, "15 minutes", "href=\"/login\"");
		assertThat(this.passwords.checks()).as("passwords checked while locked out").isEqualTo(checked);
		assertThat(signIn(browser(), "dr-ada", "dr-ada")).as("another user").isEqualTo(Answer.SIGNED_IN);
		this.clock.advance(Duration.ofMinutes(15));
		assertThat(signIn(browser(), "leo", "leo")).as("after the lock-out").isEqualTo(Answer.SIGNED_IN);
	}

	@Test
	void aWrongPasswordStillGoesBackToTheFormSayingSo() {
		BrowserSignIn browser = browser();

		assertThat(signIn(browser, "leo", "not-leo")).isEqualTo(Answer.WRONG_PASSWORD);

		assertThat(browser.get("/login?error", null).body()).contains("Invalid credentials");
	}

	@Test
	void theUserNameIsLockedOutWhateverItsCase() {
		for (int i = 0; i < 3; i++) {
			signIn(browser(), "Clara", "not-clara");
		}

		assertThat(signIn(browser(), "clara", "clara")).isEqualTo(Answer.THROTTLED);
	}

	@Test
	void refusesAnAddressAfterEightFailuresForAnyUserNames() {
		for (int i = 0; i < 8; i++) {
			assertThat(signIn(browser(), "made-up-" + i, "guess")).isEqualTo(Answer.WRONG_PASSWORD);
		}

		assertThat(signIn(browser(), "carl", "carl")).as("a real user from the same address")
			.isEqualTo(Answer.THROTTLED);

		this.clock.advance(Duration.ofMinutes(15));
		assertThat(signIn(browser(), "carl", "carl")).isEqualTo(Answer.SIGNED_IN);
	}

	@Test
	void aSuccessfulSignInForgetsTheUsersFailures() {
		signIn(browser(), "dr-ben", "not-dr-ben");
		signIn(browser(), "dr-ben", "not-dr-ben");
		assertThat(signIn(browser(), "dr-ben", "dr-ben")).isEqualTo(Answer.SIGNED_IN);

		signIn(browser(), "dr-ben", "not-dr-ben");
		signIn(browser(), "dr-ben", "not-dr-ben");

		assertThat(signIn(browser(), "dr-ben", "dr-ben")).isEqualTo(Answer.SIGNED_IN);
	}

	@Test
	void failuresOutsideTheWindowDoNotAddUp() {
		signIn(browser(), "ingrid", "not-ingrid");
		signIn(browser(), "ingrid", "not-ingrid");
		this.clock.advance(Duration.ofMinutes(11));

		signIn(browser(), "ingrid", "not-ingrid");

		assertThat(signIn(browser(), "ingrid", "ingrid")).isEqualTo(Answer.SIGNED_IN);
	}

	@Test
	void aClientThatIsNoBrowserGetsProblemJson() {
		for (int i = 0; i < 3; i++) {
			signIn(browser(), "demo", "not-demo");
		}

		HttpResponse<String> refused = browser().postLogin(request(), "demo", "demo", "application/json");

		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
		assertThat(BrowserSignIn.json(refused).path("status").asInt()).isEqualTo(429);
		assertThat(BrowserSignIn.json(refused).path("detail").asText()).startsWith(REFUSED);
	}

	enum Answer {

		SIGNED_IN, WRONG_PASSWORD, THROTTLED

	}

	private static Map<String, String> request() {
		String verifier = BrowserSignIn.randomVerifier();
		return Map.of("response_type", "code", "client_id", "prolo-cli", "redirect_uri", CLI_REDIRECT, "scope",
				"openid", "state", "s", "code_challenge", BrowserSignIn.challenge(verifier), "code_challenge_method",
				"S256");
	}

	/** What the login form answered: a code for the client, the form again, or 429. */
	private static Answer signIn(BrowserSignIn browser, String user, String password) {
		HttpResponse<String> posted = browser.postLogin(request(), user, password);
		if (posted.statusCode() == 429) {
			return Answer.THROTTLED;
		}
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
		if (posted.headers().firstValue("Location").orElseThrow().endsWith("/login?error")) {
			return Answer.WRONG_PASSWORD;
		}
		URI callback = browser.follow(posted);
		assertThat(BrowserSignIn.query(callback)).as(callback.toString()).containsKey("code");
		return Answer.SIGNED_IN;
	}

	static final class CountingPasswordEncoder implements PasswordEncoder {

		private final PasswordEncoder encoder;

		private final AtomicInteger checks = new AtomicInteger();

		CountingPasswordEncoder(PasswordEncoder encoder) {
			this.encoder = encoder;
		}

		int checks() {
			return this.checks.get();
		}

		@Override
		public String encode(CharSequence rawPassword) {
			return this.encoder.encode(rawPassword);
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			this.checks.incrementAndGet();
			return this.encoder.matches(rawPassword, encodedPassword);
		}

		@Override
		public boolean upgradeEncoding(String encodedPassword) {
			return this.encoder.upgradeEncoding(encodedPassword);
		}

	}

}
