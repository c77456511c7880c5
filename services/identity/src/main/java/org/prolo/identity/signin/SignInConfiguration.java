package org.prolo.identity.signin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.prolo.identity.IdentityProperties;
import org.prolo.identity.credentials.StoredCredentialPolicy;
import org.prolo.identity.throttle.FailedSignInThrottle;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.util.ClassUtils;

/**
 * The login form and everything outside the OAuth 2 endpoints. The health probes are open
 * so the launcher and docker-compose can wait for identity before anything can sign in.
 */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

	/** After the authorization server's chain, which takes its own endpoints first. */
	static final int ORDER = 2;

	/**
	 * User names and addresses remembered by each throttle: a few megabytes at most,
	 * whatever an attacker makes up.
	 */
	static final int THROTTLE_CAPACITY = 50_000;

	@Bean
	@Order(ORDER)
	SecurityFilterChain signInSecurityFilterChain(HttpSecurity http, UserDetailsService users, PasswordEncoder encoder,
			ThrottledSignIn.Throttles throttles, IdentityProperties properties) throws Exception {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(encoder);
		http.authorizeHttpRequests(
				(requests) -> requests.requestMatchers("/actuator/health", "/actuator/health/**", "/error")
					.permitAll()
					.anyRequest()
					.authenticated())
			.authenticationManager(new ProviderManager(new ThrottledSignIn(passwords, throttles)))
			.formLogin((form) -> form.withObjectPostProcessor(refusals(properties)));
		return http.build();
	}

	/**
	 * Sets the answer to a failed sign-in on the form's filter itself: through the
	 * configurer it would replace the failure URL that the default login page recognises
	 * its error state by.
	 */
	private static ObjectPostProcessor<UsernamePasswordAuthenticationFilter> refusals(IdentityProperties properties) {
		RefusedSignInAnswer answer = new RefusedSignInAnswer(properties.signInThrottle().lockout());
		return new ObjectPostProcessor<>() {
			@Override
			public <O extends UsernamePasswordAuthenticationFilter> O postProcess(O filter) {
				filter.setAuthenticationFailureHandler(answer);
				return filter;
			}
		};
	}

	/**
	 * Delegating, so stored hashes name their algorithm ({@code {bcrypt}}); the client
	 * secrets go through the same encoder.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * The one-way hashes accepted in the settings: BCrypt and PBKDF2 always, Argon2 and
	 * SCrypt when BouncyCastle, which the encoder needs for them, is on the class path.
	 */
	@Bean
	StoredCredentialPolicy storedCredentialPolicy(PasswordEncoder encoder) {
		List<String> algorithms = new ArrayList<>(List.of("bcrypt", "pbkdf2", "pbkdf2@SpringSecurity_v5_8"));
		if (ClassUtils.isPresent("org.bouncycastle.crypto.params.Argon2Parameters", null)) {
			algorithms.addAll(List.of("argon2", "argon2@SpringSecurity_v5_8", "scrypt", "scrypt@SpringSecurity_v5_8"));
		}
		return new StoredCredentialPolicy(algorithms, encoder::matches);
	}

	@Bean
	ThrottledSignIn.Throttles signInThrottles(IdentityProperties properties, Clock clock) {
		IdentityProperties.SignInThrottle settings = properties.signInThrottle();
		return new ThrottledSignIn.Throttles(
				new FailedSignInThrottle(new FailedSignInThrottle.Limits(settings.failuresPerUser(), settings.window(),
						settings.lockout()), clock, THROTTLE_CAPACITY),
				new FailedSignInThrottle(new FailedSignInThrottle.Limits(settings.failuresPerSource(),
						settings.window(), settings.lockout()), clock, THROTTLE_CAPACITY));
	}

}
