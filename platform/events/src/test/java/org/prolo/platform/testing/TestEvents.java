package org.prolo.platform.testing;

import java.time.Instant;
import java.util.List;

import org.prolo.events.CoursePlanned;
import org.prolo.events.ReferralClosed;
import org.prolo.events.ReferralSubmitted;
import org.prolo.events.ReferralTriaged;

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

	/** The intake coordinator Ingrid's triage of the referral. */
	public static ReferralTriaged.Builder referralTriaged(String referralId, Instant triagedAt, String outcome) {
		return ReferralTriaged.newBuilder()
			.setReferralId(referralId)
			.setTriagedAt(triagedAt)
			.setOutcome(outcome)
			.setTriagedBy("ingrid");
	}

	/**
	 * The workflow's close of the referral, without a reason or a note to the referrer.
	 */
	public static ReferralClosed.Builder referralClosed(String referralId, Instant closedAt, String outcome) {
		return ReferralClosed.newBuilder().setReferralId(referralId).setClosedAt(closedAt).setOutcome(outcome);
	}

	/**
	 * Dr Chen's plan for Dr Ada's patient: the protocol for a knee with osteoarthritis,
	 * five sessions every four weeks with 25 % dextrose.
	 */
	public static CoursePlanned.Builder coursePlanned(String referralId, Instant plannedAt) {
		return CoursePlanned.newBuilder()
			.setReferralId(referralId)
			.setPlannedAt(plannedAt)
			.setPatientPseudonym("P-7F3A")
			.setCondition("KNEE_OSTEOARTHRITIS")
			.setSessions(5)
			.setIntervalWeeks(4)
			.setDextrosePercent(25.0)
			.setInjectionSites(List.of("medial joint line", "pes anserinus"))
			.setPlannedBy("dr-chen");
	}

}
