package org.prolo.identity.signin;

import org.prolo.identity.directory.DemoUsers;
import org.prolo.identity.directory.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Profile demo: the demo users, each with the user id as password, hashed at start so
 * that sign-in checks a BCrypt hash as it does outside the demo.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoDirectoryConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DemoDirectoryConfiguration.class);

	@Bean
	Directory directory() {
		log.warn("Profile demo: the demo users sign in with their user id as password; never in production");
		return new Directory(DemoUsers.ALL);
	}

	@Bean
	UserDetailsService userDetailsService(Directory directory, PasswordEncoder encoder) {
		return new InMemoryUserDetailsManager(directory.users()
			.stream()
			.map((user) -> User.withUsername(user.id())
				.password(encoder.encode(DemoUsers.password(user)))
				.authorities(ConfiguredDirectory.AUTHORITY)
				.build())
			.toList());
	}

}
