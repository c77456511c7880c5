package org.prolo.intake.fhir;

import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import org.prolo.intake.referral.Actor;
import org.prolo.intake.referral.Referrer;
import org.prolo.intake.web.Actors;
import org.prolo.platform.security.Caller;
import org.prolo.platform.security.CurrentCaller;

/**
 * The signed-in caller of a FHIR request: HAPI's servlet is not Spring MVC, so providers
 * cannot take a Caller parameter.
 */
final class FhirCallers {

	private FhirCallers() {
	}

	static Actor actor() {
		return Actors.of(caller());
	}

	/** The caller as a referrer: the token's sub, name and email. */
	static Referrer referrer() {
		return Actors.referrerOf(caller());
	}

	private static Caller caller() {
		// The access rules let no anonymous request reach a provider; this is a safety
		// net.
		return CurrentCaller.get()
			.orElseThrow(() -> new AuthenticationException("Sign in first: send an access token as a Bearer token"));
	}

}
