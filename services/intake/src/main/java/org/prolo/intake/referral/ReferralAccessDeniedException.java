package org.prolo.intake.referral;

/**
 * The caller may not do this with the referral (see {@link ReferralAccess}).
 */
public class ReferralAccessDeniedException extends RuntimeException {

	private final String field;

	/**
	 * @param field the request field that asks for what is not allowed, or null when the
	 * request as a whole is not allowed
	 */
	public ReferralAccessDeniedException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}

}
