package org.prolo.intake.referral;

import java.util.Objects;

/**
 * Who acts on referrals, as far as the referral's rules care: the id of the person or
 * service client, whether they refer patients (a physician) and whether they work
 * referrals inside the clinic (staff).
 */
public record Actor(String id, boolean physician, boolean staff) {

	public Actor {
		Objects.requireNonNull(id, "id");
	}

}
