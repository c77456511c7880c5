package org.prolo.intake.referral;

/**
 * Text a referral may hold, however it arrived (JSON, FHIR): no NUL, no other control
 * character but tab and line breaks, no lone UTF-16 surrogate. PostgreSQL cannot store
 * NUL, a lone surrogate cannot be written back out as UTF-8, and neither belongs in a
 * referral.
 */
public final class PlainText {

	public static final String MESSAGE = "must not contain control characters or lone surrogates";

	private PlainText() {
	}

	public static boolean isPlain(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
				return false;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
					return false;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

}
