package org.prolo.portal.referral;

import java.util.Arrays;

/** How soon the physician wants the patient seen, with the codes intake accepts. */
public enum Urgency {

	ROUTINE("Routine"), URGENT("Urgent");

	private final String label;

	Urgency(String label) {
		this.label = label;
	}

	public String code() {
		return name();
	}

	public String label() {
		return label;
	}

	public static String labelFor(String code) {
		return Arrays.stream(values())
			.filter(urgency -> urgency.name().equals(code))
			.map(Urgency::label)
			.findFirst()
			.orElse(String.valueOf(code));
	}

}
