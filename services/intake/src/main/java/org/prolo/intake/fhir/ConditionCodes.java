package org.prolo.intake.fhir;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.prolo.intake.referral.Condition;

/**
 * The SNOMED CT concepts that stand for the conditions of the clinic's policy. A reason
 * coded with any other SNOMED CT concept is a condition outside the protocol (OTHER),
 * which the suitability table sends to specialist review.
 */
final class ConditionCodes {

	static final String SNOMED = "http://snomed.info/sct";

	/** The policy's own condition codes, added beside SNOMED CT when reading back. */
	static final String POLICY_CONDITIONS = "https://prolo.example/fhir/CodeSystem/condition";

	/**
	 * Pain of joint (finding): the sacroiliac joint pain of the policy with that site.
	 */
	static final String JOINT_PAIN = "57676002";

	/** Sacroiliac joint structure (body structure). */
	static final String SACROILIAC_JOINT = "39723000";

	/**
	 * One concept per condition, in the policy's order; the reverse table reads these and
	 * {@link #ALSO}.
	 */
	record Entry(Condition condition, String code, String display) {
	}

	static final List<Entry> TABLE = List.of(new Entry(Condition.LOW_BACK_PAIN, "279039007", "Low back pain"),
			new Entry(Condition.DEGENERATIVE_DISC_DISEASE, "77547008", "Degenerative disc disease"),
			new Entry(Condition.SACROILIAC_JOINT_PAIN, JOINT_PAIN, "Pain of joint"),
			new Entry(Condition.NECK_PAIN, "81680005", "Neck pain"),
			new Entry(Condition.WHIPLASH, "39848009", "Whiplash injury to neck"),
			new Entry(Condition.KNEE_OSTEOARTHRITIS, "239873007", "Osteoarthritis of knee"),
			new Entry(Condition.HIP_OSTEOARTHRITIS, "239872002", "Osteoarthritis of hip"),
			new Entry(Condition.HAND_OSTEOARTHRITIS, "201834006", "Localized, primary osteoarthritis of the hand"),
			new Entry(Condition.LATERAL_EPICONDYLOSIS, "202855006", "Lateral epicondylitis"),
			new Entry(Condition.ROTATOR_CUFF_TENDINOPATHY, "789754007", "Tendinitis of rotator cuff tendon"),
			new Entry(Condition.ACHILLES_TENDINOPATHY, "11654001", "Achilles tendinitis"),
			new Entry(Condition.PLANTAR_FASCIOPATHY, "202882003", "Plantar fasciitis"));

	/** Narrower concepts EHRs often send instead. */
	static final Map<String, Condition> ALSO = Map.of("278860009", Condition.LOW_BACK_PAIN, "1121000119107",
			Condition.NECK_PAIN);

	private ConditionCodes() {
	}

	/**
	 * The policy's condition for a SNOMED CT reason; joint pain counts as sacroiliac
	 * joint pain only when a body site is the sacroiliac joint.
	 */
	static Condition conditionOf(String snomedCode, Set<String> bodySiteCodes) {
		if (JOINT_PAIN.equals(snomedCode)) {
			return bodySiteCodes.contains(SACROILIAC_JOINT) ? Condition.SACROILIAC_JOINT_PAIN : Condition.OTHER;
		}
		if (ALSO.containsKey(snomedCode)) {
			return ALSO.get(snomedCode);
		}
		return TABLE.stream()
			.filter(entry -> entry.code().equals(snomedCode))
			.map(Entry::condition)
			.findFirst()
			.orElse(Condition.OTHER);
	}

	static Optional<Entry> entryOf(Condition condition) {
		return TABLE.stream().filter(entry -> entry.condition() == condition).findFirst();
	}

	/**
	 * The condition as a reason: its SNOMED CT concept (none for OTHER) and policy code.
	 */
	static CodeableConcept reasonOf(Condition condition) {
		var concept = new CodeableConcept();
		entryOf(condition).ifPresent(entry -> concept.addCoding(new Coding(SNOMED, entry.code(), entry.display())));
		concept.addCoding(new Coding(POLICY_CONDITIONS, condition.name(), null));
		concept.setText(condition.name());
		return concept;
	}

}
