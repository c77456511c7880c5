package org.prolo.platform.testing;

import java.time.Instant;

import org.prolo.events.ReferralSubmitted;

/**
 * The events a test publishes as another service would, with every required field set: a
 * test states only what its scenario turns on and overrides the rest on the builder.
 */
public final class TestEvents {

	private TestEvents() {
	}

	/**
	 * Dr Ada's routine referral of a knee with osteoarthritis, suitable for prolotherapy:
	 * nine months of pain after conservative care, no contraindication.
	 */
	public static ReferralSubmitted.Builder referralSubmitted(String referralId, Instant submittedAt) {
		return ReferralSubmitted.newBuilder()
			.setReferralId(referralId)
			.setSubmittedAt(submittedAt)
			.setReferrerId("dr-ada")
			.setReferrerName("Dr Ada Lovelace")
			.setReferrerEmail("dr.ada@clinic.example")
			.setPatientPseudonym("P-7F3A")
			.setCondition("KNEE_OSTEOARTHRITIS")
			.setBodySite("left knee")
			.setPainDurationMonths(9)
			.setPriorConservativeCare(true)
			.setAnticoagulated(false)
			.setAllergyToInjectate(false)
			.setPregnant(false)
			.setUncontrolledDiabetes(false)
			.setActiveInfectionAtSite(false)
			.setMalignancyAtSite(false)
			.setUrgency("ROUTINE");
	}

}
