package org.prolo.platform.events;

import org.prolo.platform.events.KafkaSignIn.KafkaSignInRefusedException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a refused Kafka sign-in into Spring Boot's short "APPLICATION FAILED TO START"
 * report, so an operator sees at once which setting to supply.
 */
class KafkaSignInFailureAnalyzer extends AbstractFailureAnalyzer<KafkaSignInRefusedException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, KafkaSignInRefusedException cause) {
		return new FailureAnalysis(
				"This service would sign in to Kafka without credentials or with a well-known demo password:\n  - "
						+ String.join("\n  - ", cause.problems()),
				"Supply the settings named above (as environment variables or properties); docs/kafka-security.md"
						+ " lists each service's principal and ACLs. Only the local demo may run with the demo"
						+ " passwords, by activating the '" + KafkaSignIn.DEMO_PROFILE
						+ "' profile as the launcher does.",
				cause);
	}

}
