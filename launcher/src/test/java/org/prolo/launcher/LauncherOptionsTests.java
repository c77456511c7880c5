package org.prolo.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LauncherOptionsTests {

	@Test
	void noArgumentsMeanTheDocumentedDefaults() {
		LauncherOptions options = LauncherOptions.parse();

		assertThat(options.kafkaPort()).isEqualTo(9092);
		assertThat(options.seed()).isZero();
		assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(180));
		assertThat(options.exitWhenReady()).isFalse();
		assertThat(options.help()).isFalse();
		assertThat(options).isEqualTo(LauncherOptions.defaults());
	}

	@Test
	void valuesAreReadFromTheNextArgumentOrAfterAnEqualsSign() {
		LauncherOptions options = LauncherOptions.parse("--seed", "3", "--kafka-port=19092", "--timeout", "60",
				"--exit-when-ready");

		assertThat(options.seed()).isEqualTo(3);
		assertThat(options.kafkaPort()).isEqualTo(19092);
		assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(60));
		assertThat(options.exitWhenReady()).isTrue();
	}

	@Test
	void postgresIsOffByDefaultAndAFlagTakesNoValue() {
		assertThat(LauncherOptions.parse().postgres()).isFalse();
		assertThat(LauncherOptions.parse("--postgres").postgres()).isTrue();
		assertThatThrownBy(() -> LauncherOptions.parse("--postgres=yes")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("--postgres takes no value");
	}

	@Test
	void fullJitIsOffByDefault() {
		assertThat(LauncherOptions.parse().fullJit()).isFalse();
		assertThat(LauncherOptions.parse("--full-jit").fullJit()).isTrue();
	}

	@Test
	void anotherIdentityProviderIsNamedByItsIssuerUrlAndCannotBeSeeded() {
		assertThat(LauncherOptions.parse().identityProvider()).isNull();
		assertThat(
				LauncherOptions.parse("--identity-provider", "http://localhost:8180/realms/prolo").identityProvider())
			.isEqualTo("http://localhost:8180/realms/prolo");
		assertThatThrownBy(() -> LauncherOptions.parse("--identity-provider", "localhost:8180"))
			.hasMessageContaining("--identity-provider needs the provider's issuer URL");
		assertThatThrownBy(
				() -> LauncherOptions.parse("--identity-provider=http://localhost:8180/realms/prolo", "--seed", "3"))
			.hasMessage("--seed needs the built-in identity service, not --identity-provider");
	}

	@Test
	void mavenHandsOverAllLauncherArgsAsOneArgumentAndItIsSplitOnWhitespace() {
		LauncherOptions options = LauncherOptions.parse("  --seed 3   --exit-when-ready ");

		assertThat(options.seed()).isEqualTo(3);
		assertThat(options.exitWhenReady()).isTrue();
	}

	@Test
	void anEmptyLauncherArgsPropertyIsNoArgumentAtAll() {
		assertThat(LauncherOptions.parse("")).isEqualTo(LauncherOptions.defaults());
	}

	@Test
	void unknownArgumentsAreRejectedByName() {
		assertThatThrownBy(() -> LauncherOptions.parse("--sead", "3")).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("Unknown argument '--sead'");
	}

	@Test
	void malformedOrMissingValuesAreRejectedWithTheOptionName() {
		assertThatThrownBy(() -> LauncherOptions.parse("--seed", "three"))
			.hasMessage("--seed needs a whole number, not 'three'");
		assertThatThrownBy(() -> LauncherOptions.parse("--seed")).hasMessage("--seed needs a value");
		assertThatThrownBy(() -> LauncherOptions.parse("--timeout", "--exit-when-ready"))
			.hasMessage("--timeout needs a value");
		assertThatThrownBy(() -> LauncherOptions.parse("--kafka-port", "70000"))
			.hasMessage("--kafka-port must be between 1 and 65535, not 70000");
		assertThatThrownBy(() -> LauncherOptions.parse("--exit-when-ready=yes"))
			.hasMessage("--exit-when-ready takes no value");
	}

	@Test
	void helpIsRecognisedInBothSpellings() {
		assertThat(LauncherOptions.parse("--help").help()).isTrue();
		assertThat(LauncherOptions.parse("-h").help()).isTrue();
		assertThat(LauncherOptions.USAGE).contains("--seed", "--kafka-port", "--timeout", "--exit-when-ready");
	}

}
