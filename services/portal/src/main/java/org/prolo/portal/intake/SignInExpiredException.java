package org.prolo.portal.intake;

/**
 * Intake's 401: it no longer accepts the physician's access token (revoked, or signed
 * with a key intake does not know). A new sign-in gets a new token.
 */
public class SignInExpiredException extends IntakeException {

	SignInExpiredException() {
		super("Intake refused the physician's access token");
	}

}
