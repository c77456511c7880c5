package org.prolo.identity.credentials;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules for the credentials in the settings. A user's password must be a one-way hash
 * that names its algorithm ({@code {bcrypt}$2a$10$...}), as the delegating password
 * encoder stores it, and must not be the user id, the demo users' password. A client's
 * secret is either such a hash or the secret itself, given in the environment and hashed
 * at start; it must not be one of the demo secrets ({@code <client>-secret}) and, given
 * as it is, must be long enough not to be guessed.
 */
public final class StoredCredentialPolicy {

	/**
	 * Fewer characters than a 96-bit random secret in Base64: guessable on a token
	 * endpoint.
	 */
	public static final int MINIMUM_SECRET_LENGTH = 16;

	/** Whether a raw value matches an encoded one, as the password encoder decides it. */
	@FunctionalInterface
	public interface HashCheck {

		boolean matches(String raw, String encoded);

	}

	/**
	 * A client secret as the service keeps it.
	 *
	 * @param value the secret as given
	 * @param hashed whether {@code value} is already a hash; if not, it is hashed at
	 * start
	 */
	public record ClientSecret(String value, boolean hashed) {

		@Override
		public String toString() {
			return "ClientSecret[hashed=" + this.hashed + "]";
		}

	}

	private final Set<String> algorithms;

	private final HashCheck hashes;

	/**
	 * @param algorithms the ids of the one-way hashes accepted ({@code bcrypt},
	 * {@code pbkdf2}, ...)
	 * @param hashes checks a raw value against a hash
	 */
	public StoredCredentialPolicy(Collection<String> algorithms, HashCheck hashes) {
		this.algorithms = Set.copyOf(algorithms);
		this.hashes = hashes;
	}

	/** Refuses a password that is missing, plain text, a weak hash or the user id. */
	public void checkUserPassword(String setting, String userId, String password) {
		if (password == null || password.isBlank()) {
			throw new UnsafeSettingException(setting, "no password hash given for user " + userId);
		}
		checkHash(setting, password);
		if (this.hashes.matches(userId, password)) {
			throw new UnsafeSettingException(setting,
					"the password of user " + userId + " is the user id, the demo password; choose another");
		}
	}

	/**
	 * The secret of a confidential client: a hash, checked like a password, or the secret
	 * itself.
	 * @param demoSecrets the demo clients' secrets, all refused
	 */
	public ClientSecret clientSecret(String setting, String clientId, String secret, Collection<String> demoSecrets) {
		if (secret == null || secret.isBlank()) {
			throw new UnsafeSettingException(setting, "no secret given for client " + clientId);
		}
		if (namesAlgorithm(secret)) {
			checkHash(setting, secret);
			for (String demoSecret : demoSecrets) {
				if (this.hashes.matches(demoSecret, secret)) {
					throw new UnsafeSettingException(setting,
							"the secret of client " + clientId + " is a demo secret (<client>-secret); choose another");
				}
			}
			return new ClientSecret(secret, true);
		}
		if (demoSecrets.contains(secret)) {
			throw new UnsafeSettingException(setting,
					"the secret of client " + clientId + " is a demo secret (<client>-secret); choose another");
		}
		if (secret.length() < MINIMUM_SECRET_LENGTH) {
			throw new UnsafeSettingException(setting, "the secret of client " + clientId + " is shorter than "
					+ MINIMUM_SECRET_LENGTH + " characters; give a longer one or its {bcrypt} hash");
		}
		return new ClientSecret(secret, false);
	}

	private void checkHash(String setting, String encoded) {
		if (!namesAlgorithm(encoded)) {
			throw new UnsafeSettingException(setting,
					"plain text is not accepted; give a hash that names its algorithm, e.g. {bcrypt}$2a$10$...");
		}
		String algorithm = encoded.substring(1, encoded.indexOf('}'));
		if (!this.algorithms.contains(algorithm)) {
			throw new UnsafeSettingException(setting, "{" + algorithm + "} is not accepted; use one of "
					+ new TreeSet<>(this.algorithms).stream().map((id) -> "{" + id + "}").toList());
		}
	}

	private static boolean namesAlgorithm(String value) {
		return value.startsWith("{") && value.indexOf('}') > 1;
	}

}
