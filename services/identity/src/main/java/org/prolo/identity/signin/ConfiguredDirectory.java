package org.prolo.identity.signin;

import java.util.ArrayList;
import java.util.List;

import org.prolo.identity.IdentityProperties;
import org.prolo.identity.credentials.StoredCredentialPolicy;
import org.prolo.identity.directory.Directory;
import org.prolo.identity.directory.DirectoryUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Outside profile demo: the users of {@code prolo.identity.users}, each with the hash of
 * their password. The service does not start with a password in plain text, a hash of an
 * algorithm it does not accept or a password that is the user id; the failure names the
 * setting. Groups travel as claims, not as authorities: identity itself authorizes nobody
 * by group.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!demo")
class ConfiguredDirectory {

	static final String AUTHORITY = "USER";

	private static final Logger log = LoggerFactory.getLogger(ConfiguredDirectory.class);

	private final List<UserDetails> credentials = new ArrayList<>();

	private final Directory directory;

	ConfiguredDirectory(IdentityProperties properties, StoredCredentialPolicy policy) {
		List<DirectoryUser> users = new ArrayList<>();
		for (int i = 0; i < properties.users().size(); i++) {
			IdentityProperties.User user = properties.users().get(i);
			String setting = "prolo.identity.users[" + i + "]";
			String id = required(setting + ".id", user.id());
			users.add(new DirectoryUser(id, required(setting + ".name", user.name()),
					required(setting + ".email", user.email()), user.groups()));
			policy.checkUserPassword(setting + ".password", id, user.password());
			this.credentials.add(User.withUsername(id).password(user.password()).authorities(AUTHORITY).build());
		}
		try {
			this.directory = new Directory(users);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("prolo.identity.users: " + ex.getMessage(), ex);
		}
		if (users.isEmpty()) {
			log.warn("No users configured (prolo.identity.users): nobody can sign in. "
					+ "Run with profile demo for the demo users.");
		}
		else {
			log.info("{} user(s) in the directory", users.size());
		}
	}

	@Bean
	Directory directory() {
		return this.directory;
	}

	@Bean
	UserDetailsService userDetailsService() {
		return new InMemoryUserDetailsManager(this.credentials);
	}

	private static String required(String setting, String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalStateException(setting + ": missing");
		}
		return value;
	}

}
