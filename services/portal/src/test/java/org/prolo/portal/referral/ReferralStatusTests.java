package org.prolo.portal.referral;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReferralStatusTests {

	@Test
	void putsEveryStatusIntoWords() {
		assertThat(ReferralStatus.wordsFor("INFO_REQUESTED")).isEqualTo("Information requested");
		assertThat(ReferralStatus.wordsFor("COURSE_PLANNED")).isEqualTo("Course of treatment planned");
		assertThat(ReferralStatus.values()).allSatisfy(status -> assertThat(status.words()).isNotBlank());
	}

	@Test
	void showsAStatusItDoesNotKnowAsItCame() {
		assertThat(ReferralStatus.wordsFor("ON_THE_MOON")).isEqualTo("ON_THE_MOON");
		assertThat(ReferralStatus.isOpen("ON_THE_MOON")).isFalse();
	}

	@Test
	void keepsOnlyOpenReferralsWithdrawable() {
		assertThat(ReferralStatus.isOpen("SUBMITTED")).isTrue();
		assertThat(ReferralStatus.isOpen("INFO_REQUESTED")).isTrue();
		assertThat(ReferralStatus.isOpen("IN_ASSESSMENT")).isTrue();
		assertThat(ReferralStatus.isOpen("WITHDRAWN")).isFalse();
		assertThat(ReferralStatus.isOpen("NO_RESPONSE")).isFalse();
		assertThat(ReferralStatus.isOpen("REJECTED")).isFalse();
	}

	@Test
	void needsThePhysicianOnlyWhileInformationIsRequested() {
		assertThat(ReferralStatus.values()).filteredOn(status -> ReferralStatus.needsAction(status.name()))
			.containsExactly(ReferralStatus.INFO_REQUESTED);
	}

	@Test
	void labelsEveryConditionCodeIntakeAccepts() {
		assertThat(Condition.values()).extracting(Condition::code)
			.containsExactly("LOW_BACK_PAIN", "DEGENERATIVE_DISC_DISEASE", "SACROILIAC_JOINT_PAIN", "NECK_PAIN",
					"WHIPLASH", "KNEE_OSTEOARTHRITIS", "HIP_OSTEOARTHRITIS", "HAND_OSTEOARTHRITIS",
					"LATERAL_EPICONDYLOSIS", "ROTATOR_CUFF_TENDINOPATHY", "ACHILLES_TENDINOPATHY",
					"PLANTAR_FASCIOPATHY", "OTHER");
		assertThat(Condition.labelFor("WHIPLASH")).isEqualTo("Whiplash");
		assertThat(Urgency.labelFor("URGENT")).isEqualTo("Urgent");
	}

}
