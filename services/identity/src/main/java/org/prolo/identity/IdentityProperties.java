package org.prolo.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the identity service ({@code prolo.identity.*}); their defaults are in
 * application.yml.
 *
 * @param issuer the issuer every token and the discovery document name, whatever host the
 * service is reached on (docker-compose reaches it as http://identity:9000 and keeps
 * http://localhost:9000, the address browsers use)
 * @param keyFile where the signing key lives
 * @param redirectHosts the hosts of prolo-web's redirect URIs
 * @param redirectPorts the ports of prolo-web's redirect URIs, one per service
 * @param users who can sign in outside profile demo
 * @param clients which of the product's clients exist outside profile demo, with their
 * secrets
 * @param signInThrottle when failed sign-ins lock a user name or an address out
 * @param authorizations how stored authorizations are cleaned up
 * @param audience the audience every access token names beside the client it was issued
 * to: the one the services accept ({@code prolo.security.audiences})
 */
@ConfigurationProperties("prolo.identity")
public record IdentityProperties(String issuer, Path keyFile, List<String> redirectHosts, List<Integer> redirectPorts,
		List<User> users, List<Client> clients, SignInThrottle signInThrottle, Authorizations authorizations,
		@DefaultValue("prolo") String audience) {

	public IdentityProperties {
		Objects.requireNonNull(issuer, "prolo.identity.issuer");
		Objects.requireNonNull(keyFile, "prolo.identity.key-file");
		redirectHosts = List.copyOf(redirectHosts);
		redirectPorts = List.copyOf(redirectPorts);
		users = (users != null) ? List.copyOf(users) : List.of();
		clients = (clients != null) ? List.copyOf(clients) : List.of();
		signInThrottle = (signInThrottle != null) ? signInThrottle
				: new SignInThrottle(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15));
		authorizations = (authorizations != null) ? authorizations : new Authorizations(Duration.ofMinutes(10));
	}

	/**
	 * A person of the directory ({@code prolo.identity.users[n]}).
	 *
	 * @param id the user id, the tokens' {@code sub}
	 * @param name claim {@code name}
	 * @param email claim {@code email}
	 * @param groups claim {@code groups}
	 * @param password the password's hash with its algorithm, e.g.
	 * {@code {bcrypt}$2a$10$...}
	 */
	public record User(String id, String name, String email, List<String> groups, String password) {

		public User {
			groups = (groups != null) ? List.copyOf(groups) : List.of();
		}

		/** Leaves the hash out, so that no log line or failure message carries it. */
		@Override
		public String toString() {
			return "User[" + this.id + "]";
		}

	}

	/**
	 * One of the product's clients ({@code prolo.identity.clients[n]}).
	 *
	 * @param id the client id
	 * @param secret its secret's hash ({@code {bcrypt}...}) or the secret itself, best
	 * given in the environment; none for the public client prolo-cli
	 */
	public record Client(String id, String secret) {

		@Override
		public String toString() {
			return "Client[" + this.id + "]";
		}

	}

	/**
	 * @param failuresPerUser failed sign-ins for one user name within the window that
	 * lock it out
	 * @param failuresPerSource failed sign-ins from one address within the window that
	 * lock it out
	 * @param window how far back failures count
	 * @param lockout how long a locked-out user name or address is refused
	 */
	public record SignInThrottle(@DefaultValue("5") int failuresPerUser, @DefaultValue("20") int failuresPerSource,
			@DefaultValue("15m") Duration window, @DefaultValue("15m") Duration lockout) {
	}

	/**
	 * @param cleanUpInterval how often expired authorizations are deleted
	 */
	public record Authorizations(@DefaultValue("10m") Duration cleanUpInterval) {
	}

}
