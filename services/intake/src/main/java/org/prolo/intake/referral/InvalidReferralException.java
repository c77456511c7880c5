package org.prolo.intake.referral;

import java.util.List;

/**
 * A submission broke rules of the {@link SubmissionPolicy}; carries every one of them.
 */
public class InvalidReferralException extends RuntimeException {

	private final List<Violation> violations;

	public InvalidReferralException(List<Violation> violations) {
		super("Referral breaks " + violations.size() + " submission rule(s) on "
				+ violations.stream().map(Violation::field).toList());
		this.violations = List.copyOf(violations);
	}

	public List<Violation> violations() {
		return violations;
	}

}
