package org.prolo.intake.referral;

/**
 * The conditions of the clinic's prolotherapy policy (the suitability table in bpmn/);
 * OTHER goes to specialist review.
 */
public enum Condition {

	LOW_BACK_PAIN, DEGENERATIVE_DISC_DISEASE, SACROILIAC_JOINT_PAIN, NECK_PAIN, WHIPLASH, KNEE_OSTEOARTHRITIS,
	HIP_OSTEOARTHRITIS, HAND_OSTEOARTHRITIS, LATERAL_EPICONDYLOSIS, ROTATOR_CUFF_TENDINOPATHY, ACHILLES_TENDINOPATHY,
	PLANTAR_FASCIOPATHY, OTHER

}
