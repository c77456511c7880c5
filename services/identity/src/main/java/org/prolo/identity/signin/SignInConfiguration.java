package org.prolo.identity.signin;

import org.prolo.identity.directory.DemoDirectory;
import org.prolo.identity.directory.DemoUser;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The login form and everything outside the OAuth 2 endpoints. The health probes are open
 * so the launcher and docker-compose can wait for identity before anything can sign in.
 */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

	/** After the authorization server's chain, which takes its own endpoints first. */
	static final int ORDER = 2;

	@Bean
	@Order(ORDER)
	SecurityFilterChain signInSecurityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(
				(requests) -> requests.requestMatchers("/actuator/health", "/actuator/health/**", "/error")
					.permitAll()
					.anyRequest()
					.authenticated())
			.formLogin(Customizer.withDefaults());
		return http.build();
	}

	/**
	 * Delegating, so stored hashes name their algorithm ({@code {bcrypt}}); the client
	 * secrets go through the same encoder.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	DemoDirectory demoDirectory() {
		return new DemoDirectory();
	}

	/**
	 * The directory's users, their passwords hashed at start so that sign-in checks a
	 * BCrypt hash as it would against a real directory. Groups travel as claims, not as
	 * authorities: identity itself authorizes nobody by group.
	 */
	@Bean
	UserDetailsService userDetailsService(DemoDirectory directory, PasswordEncoder encoder) {
		return new InMemoryUserDetailsManager(
				directory.users().stream().map((user) -> details(user, encoder)).toList());
	}

	private static UserDetails details(DemoUser user, PasswordEncoder encoder) {
		return User.withUsername(user.id()).password(encoder.encode(user.password())).authorities("USER").build();
	}

}
