package org.prolo.portal.referral;

import java.util.Arrays;

/**
 * The conditions of the clinic's prolotherapy policy, with the codes intake accepts;
 * OTHER goes to specialist review.
 */
public enum Condition {

	LOW_BACK_PAIN("Low back pain"), DEGENERATIVE_DISC_DISEASE("Degenerative disc disease"),
	SACROILIAC_JOINT_PAIN("Sacroiliac joint pain"), NECK_PAIN("Neck pain"), WHIPLASH("Whiplash"),
	KNEE_OSTEOARTHRITIS("Knee osteoarthritis"), HIP_OSTEOARTHRITIS("Hip osteoarthritis"),
	HAND_OSTEOARTHRITIS("Hand osteoarthritis"), LATERAL_EPICONDYLOSIS("Lateral epicondylosis (tennis elbow)"),
	ROTATOR_CUFF_TENDINOPATHY("Rotator cuff tendinopathy"), ACHILLES_TENDINOPATHY("Achilles tendinopathy"),
	PLANTAR_FASCIOPATHY("Plantar fasciopathy"), OTHER("Other (specialist review)");

	private final String label;

	Condition(String label) {
		this.label = label;
	}

	public String code() {
		return name();
	}

	public String label() {
		return label;
	}

	/** The label of a code, or the code itself when this portal does not know it. */
	public static String labelFor(String code) {
		return Arrays.stream(values())
			.filter(condition -> condition.name().equals(code))
			.map(Condition::label)
			.findFirst()
			.orElse(String.valueOf(code));
	}

}
