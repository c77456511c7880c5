package org.prolo.referralstatus;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReferralStatusTests {

	@Test
	void isClosedExactlyWhenItsFhirTaskStatusIsFinal() {
		var finalStatuses = java.util.Set.of(FhirTaskStatus.REJECTED, FhirTaskStatus.CANCELLED,
				FhirTaskStatus.COMPLETED);
		assertThat(ReferralStatus.values())
			.allSatisfy(status -> assertThat(status.isClosed()).isEqualTo(finalStatuses.contains(status.fhirStatus())));
	}

	@Test
	void wordsEveryStatusForAPhysician() {
		assertThat(ReferralStatus.wordsFor("INFO_REQUESTED")).isEqualTo("Information requested");
		assertThat(ReferralStatus.wordsFor("COURSE_PLANNED")).isEqualTo("Course of treatment planned");
		assertThat(ReferralStatus.values()).allSatisfy(status -> assertThat(status.words()).isNotBlank());
	}

	@Test
	void showsAnUnknownCodeAsItCameAndCountsItClosed() {
		assertThat(ReferralStatus.wordsFor("ON_THE_MOON")).isEqualTo("ON_THE_MOON");
		assertThat(ReferralStatus.isOpen("ON_THE_MOON")).isFalse();
	}

	@Test
	void offersWithdrawalOnlyWhileOpen() {
		assertThat(ReferralStatus.isOpen("SUBMITTED")).isTrue();
		assertThat(ReferralStatus.isOpen("WAITING_FOR_APPOINTMENT")).isTrue();
		assertThat(ReferralStatus.isOpen("WITHDRAWN")).isFalse();
		assertThat(ReferralStatus.isOpen("NO_RESPONSE")).isFalse();
	}

	@Test
	void onlyAPendingQuestionNeedsThePhysician() {
		assertThat(ReferralStatus.values()).filteredOn(status -> ReferralStatus.needsAction(status.name()))
			.containsExactly(ReferralStatus.INFO_REQUESTED);
	}

}
