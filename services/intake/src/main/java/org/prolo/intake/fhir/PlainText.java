package org.prolo.intake.fhir;

/**
 * The JSON API refuses text with NUL, other control characters (tab, line feed and
 * carriage return aside) or a lone UTF-16 surrogate; FHIR strings do not allow them
 * either, and HAPI's parser lets them through.
 */
final class PlainText {

	static final String MESSAGE = "must not contain control characters or lone surrogates";

	private PlainText() {
	}

	static boolean isPlain(String text) {
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
