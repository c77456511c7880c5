package org.prolo.platform.security;

import org.prolo.platform.security.DemoSecretCheck.DemoSecretRefusedException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a refused start into Spring Boot's short "APPLICATION FAILED TO START" report
 * instead of a stack trace, so an operator sees at once which variable to set.
 */
class DemoSecretFailureAnalyzer extends AbstractFailureAnalyzer<DemoSecretRefusedException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DemoSecretRefusedException cause) {
		return new FailureAnalysis(
				"This service would talk to the identity service with a missing or well-known demo secret:\n  - "
						+ String.join("\n  - ", cause.problems()),
				"Supply the secrets named above (as environment variables or properties). Only the local demo may run"
						+ " with the demo secrets, by activating the '" + DemoSecretCheck.DEMO_PROFILE
						+ "' profile as the launcher does.",
				cause);
	}

}
