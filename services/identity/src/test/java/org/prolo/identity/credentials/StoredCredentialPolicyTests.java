package org.prolo.identity.credentials;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredCredentialPolicyTests {

	private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	private static final List<String> DEMO_SECRETS = List.of("intake-secret", "radiology-secret");

	private final StoredCredentialPolicy policy = new StoredCredentialPolicy(List.of("bcrypt", "pbkdf2"),
			ENCODER::matches);

	private static String bcrypt(String raw) {
		return "{bcrypt}" + new BCryptPasswordEncoder(4).encode(raw);
	}

	@Test
	void acceptsABcryptHashOfAPasswordThatIsNotTheUserId() {
		this.policy.checkUserPassword("prolo.identity.users[0].password", "nora", bcrypt("correct horse battery"));
	}

	@Test
	void refusesAPlainTextPasswordNamingTheSettingButNotThePassword() {
		assertThatThrownBy(() -> this.policy.checkUserPassword("prolo.identity.users[3].password", "nora",
				"correct horse battery"))
			.isInstanceOf(UnsafeSettingException.class)
			.hasMessageStartingWith("prolo.identity.users[3].password: plain text is not accepted")
			.hasMessageNotContaining("correct horse");
	}

	@Test
	void refusesNoopAndWeakHashes() {
		for (String password : List.of("{noop}correct horse battery", "{MD5}{x}5f4dcc3b5aa765d61d8327deb882cf99",
				"{sha256}97cde38028ad898ebc02e690819fa220e88c62e0699403e94fff291cfffaf8410849f27605abcbc0")) {
			assertThatThrownBy(
					() -> this.policy.checkUserPassword("prolo.identity.users[0].password", "nora", password))
				.as(password)
				.isInstanceOf(UnsafeSettingException.class)
				.hasMessageContaining("is not accepted; use one of [{bcrypt}, {pbkdf2}]");
		}
	}

	@Test
	void refusesAHashOfTheUserIdTheDemoPassword() {
		assertThatThrownBy(
				() -> this.policy.checkUserPassword("prolo.identity.users[1].password", "ingrid", bcrypt("ingrid")))
			.isInstanceOf(UnsafeSettingException.class)
			.hasMessage("prolo.identity.users[1].password: the password of user ingrid is the user id, "
					+ "the demo password; choose another");
	}

	@Test
	void refusesAMissingPassword() {
		assertThatThrownBy(() -> this.policy.checkUserPassword("prolo.identity.users[0].password", "nora", null))
			.isInstanceOf(UnsafeSettingException.class)
			.hasMessageContaining("no password hash");
	}

	@Test
	void keepsAHashedClientSecretAsItIs() {
		String hash = bcrypt("a long and random radiology secret");

		StoredCredentialPolicy.ClientSecret secret = this.policy.clientSecret("prolo.identity.clients[0].secret",
				"radiology", hash, DEMO_SECRETS);

		assertThat(secret.hashed()).isTrue();
		assertThat(secret.value()).isEqualTo(hash);
	}

	@Test
	void takesALongSecretFromTheEnvironmentToHashAtStart() {
		StoredCredentialPolicy.ClientSecret secret = this.policy.clientSecret("prolo.identity.clients[0].secret",
				"radiology", "Zq8vTf3Lw0pXn2Rb7Yc", DEMO_SECRETS);

		assertThat(secret.hashed()).isFalse();
		assertThat(secret).hasToString("ClientSecret[hashed=false]");
	}

	@Test
	void refusesADemoSecretWhetherPlainOrHashed() {
		for (String secret : List.of("radiology-secret", "intake-secret", bcrypt("radiology-secret"))) {
			assertThatThrownBy(() -> this.policy.clientSecret("prolo.identity.clients[2].secret", "radiology", secret,
					DEMO_SECRETS))
				.isInstanceOf(UnsafeSettingException.class)
				.hasMessage("prolo.identity.clients[2].secret: the secret of client radiology is a demo secret "
						+ "(<client>-secret); choose another");
		}
	}

	@Test
	void refusesAShortPlainSecret() {
		assertThatThrownBy(() -> this.policy.clientSecret("prolo.identity.clients[0].secret", "radiology",
				"short-secret", DEMO_SECRETS))
			.isInstanceOf(UnsafeSettingException.class)
			.hasMessageContaining("shorter than 16 characters")
			.hasMessageNotContaining("short-secret");
	}

	@Test
	void refusesAHashedSecretOfAnAlgorithmNotAccepted() {
		assertThatThrownBy(() -> this.policy.clientSecret("prolo.identity.clients[0].secret", "radiology",
				"{noop}a long and random radiology secret", DEMO_SECRETS))
			.isInstanceOf(UnsafeSettingException.class)
			.hasMessageContaining("{noop} is not accepted");
	}

}
