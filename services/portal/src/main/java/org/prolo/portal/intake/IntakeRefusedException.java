package org.prolo.portal.intake;

/** Intake's 403: the physician may not do this (for example, not in group physician). */
public class IntakeRefusedException extends IntakeException {

	IntakeRefusedException() {
		super("Intake refused the request for this caller");
	}

}
