package org.prolo.intake.referral;

/** How soon the referrer wants the patient seen. */
public enum Urgency {

	ROUTINE, URGENT

}
