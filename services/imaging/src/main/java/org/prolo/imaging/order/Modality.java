package org.prolo.imaging.order;

/** What kind of imaging the clinician asked for. */
public enum Modality {

	XRAY, ULTRASOUND, MRI;

	/**
	 * @throws IllegalArgumentException for any other code, so a bad request is parked,
	 * not retried
	 */
	public static Modality fromCode(String code) {
		for (Modality modality : values()) {
			if (modality.name().equals(code)) {
				return modality;
			}
		}
		throw new IllegalArgumentException("Unknown modality '" + code + "'; expected one of XRAY, ULTRASOUND, MRI");
	}

}
