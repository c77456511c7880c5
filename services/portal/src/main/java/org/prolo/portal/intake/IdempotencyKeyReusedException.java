package org.prolo.portal.intake;

/**
 * Intake's 422: this form's Idempotency-Key already created a referral, with other
 * answers (the form was changed after it had been submitted).
 */
public class IdempotencyKeyReusedException extends IntakeException {

	IdempotencyKeyReusedException() {
		super("The Idempotency-Key was used before with other answers");
	}

}
