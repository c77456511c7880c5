package org.prolo.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.prolo.identity.credentials.UnsafeSettingException;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Without profile demo the service does not start with a credential anyone could know or
 * read, and says which setting to fix, without repeating the credential.
 */
class StartUpRefusalTests {

	private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);

	static Stream<Arguments> unsafeSettings() {
		return Stream.of(
				Arguments.of("a plain-text password", user("nora", "correct horse battery"),
						"prolo.identity.users[0].password: plain text is not accepted", "correct horse"),
				Arguments.of("a {noop} password", user("nora", "{noop}correct horse battery"),
						"prolo.identity.users[0].password: {noop} is not accepted", "correct horse"),
				Arguments.of("the demo password, hashed", user("ingrid", "{bcrypt}" + BCRYPT.encode("ingrid")),
						"prolo.identity.users[0].password: the password of user ingrid is the user id", "$2a$"),
				Arguments.of("a demo client secret", client("radiology", "radiology-secret"),
						"prolo.identity.clients[0].secret: the secret of client radiology is a demo secret",
						"radiology-secret"),
				Arguments.of("a demo client secret, hashed",
						client("intake", "{bcrypt}" + BCRYPT.encode("intake-secret")),
						"prolo.identity.clients[0].secret: the secret of client intake is a demo secret", "$2a$"),
				Arguments.of("a client that is not the product's", client("someone", "a long and random secret"),
						"prolo.identity.clients[0].id: 'someone' is none of the product's clients",
						"a long and random"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unsafeSettings")
	void refusesToStartNamingTheSetting(String what, List<String> settings, String message, String notShown) {
		List<String> arguments = new ArrayList<>(settings);
		arguments.add("--spring.main.banner-mode=off");

		assertThatThrownBy(() -> StartedIdentity.run(arguments).close()).rootCause()
			.isInstanceOf(UnsafeSettingException.class)
			.hasMessageStartingWith(message)
			.hasMessageNotContaining(notShown);
	}

	private static List<String> user(String id, String password) {
		return List.of("--prolo.identity.users[0].id=" + id, "--prolo.identity.users[0].name=" + id,
				"--prolo.identity.users[0].email=" + id + "@clinic.example",
				"--prolo.identity.users[0].password=" + password);
	}

	private static List<String> client(String id, String secret) {
		return List.of("--prolo.identity.clients[0].id=" + id, "--prolo.identity.clients[0].secret=" + secret);
	}

}
