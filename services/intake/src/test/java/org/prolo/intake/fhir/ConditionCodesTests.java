package org.prolo.intake.fhir;

import java.util.Arrays;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.prolo.intake.referral.Condition;

import static org.assertj.core.api.Assertions.assertThat;

/** The SNOMED CT table of the policy's conditions, both ways. */
class ConditionCodesTests {

	@Test
	void everyConditionButOtherHasOneConceptThatMapsBackToIt() {
		assertThat(ConditionCodes.TABLE).extracting(ConditionCodes.Entry::condition)
			.containsExactlyElementsOf(
					Arrays.stream(Condition.values()).filter(condition -> condition != Condition.OTHER).toList());
		for (ConditionCodes.Entry entry : ConditionCodes.TABLE) {
			Set<String> sites = (entry.condition() == Condition.SACROILIAC_JOINT_PAIN)
					? Set.of(ConditionCodes.SACROILIAC_JOINT) : Set.of();
			assertThat(ConditionCodes.conditionOf(entry.code(), sites)).as(entry.code()).isEqualTo(entry.condition());
		}
	}

	@Test
	void jointPainIsSacroiliacJointPainOnlyAtTheSacroiliacJoint() {
		assertThat(ConditionCodes.conditionOf("57676002", Set.of("39723000", "72696002")))
			.isEqualTo(Condition.SACROILIAC_JOINT_PAIN);
		assertThat(ConditionCodes.conditionOf("57676002", Set.of("72696002"))).isEqualTo(Condition.OTHER);
	}

	@Test
	void narrowerConceptsMapToTheirConditionAndAnyOtherConceptIsOther() {
		assertThat(ConditionCodes.conditionOf("278860009", Set.of())).isEqualTo(Condition.LOW_BACK_PAIN);
		assertThat(ConditionCodes.conditionOf("1121000119107", Set.of())).isEqualTo(Condition.NECK_PAIN);
		assertThat(ConditionCodes.conditionOf("90560007", Set.of())).isEqualTo(Condition.OTHER);
	}

	@Test
	void readsBackOtherWithThePolicyCodeOnly() {
		assertThat(ConditionCodes.reasonOf(Condition.OTHER).getCoding()).singleElement()
			.satisfies(coding -> assertThat(coding.getSystem()).isEqualTo(ConditionCodes.POLICY_CONDITIONS));
		assertThat(ConditionCodes.reasonOf(Condition.WHIPLASH).getCoding()).extracting(coding -> coding.getCode())
			.containsExactly("39848009", "WHIPLASH");
	}

}
