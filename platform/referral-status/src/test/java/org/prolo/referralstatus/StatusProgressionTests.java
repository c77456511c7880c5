package org.prolo.referralstatus;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class StatusProgressionTests {

	@ParameterizedTest
	@EnumSource(names = { "WITHDRAWN", "REJECTED", "NOT_SUITABLE", "COURSE_PLANNED", "NO_RESPONSE" })
	void aClosedReferralStaysClosedWhateverComes(ReferralStatus closed) {
		assertThat(closed.isClosed()).isTrue();
		for (ReferralStatus target : ReferralStatus.values()) {
			assertThat(StatusProgression.permits(closed, target)).as("%s -> %s", closed, target).isFalse();
			if (target != closed) {
				assertThat(StatusProgression.brokenRule(closed, target))
					.contains(StatusProgression.CLOSED_REFERRAL_STAYS_CLOSED);
			}
		}
	}

	@ParameterizedTest
	@EnumSource(
			names = { "SUBMITTED", "TRIAGE", "INFO_REQUESTED", "ACCEPTED", "WAITING_FOR_APPOINTMENT", "IN_ASSESSMENT" })
	void anOpenReferralCanBeClosedWithEveryOutcome(ReferralStatus open) {
		Arrays.stream(ReferralStatus.values())
			.filter(ReferralStatus::isClosed)
			.forEach(closed -> assertThat(StatusProgression.permits(open, closed)).as("%s -> %s", open, closed)
				.isTrue());
	}

	@ParameterizedTest
	@CsvSource({ "IN_ASSESSMENT, ACCEPTED", "IN_ASSESSMENT, INFO_REQUESTED", "ACCEPTED, TRIAGE",
			"ACCEPTED, INFO_REQUESTED", "TRIAGE, SUBMITTED" })
	void progressNeverStepsBack(ReferralStatus current, ReferralStatus older) {
		assertThat(StatusProgression.permits(current, older)).isFalse();
		assertThat(StatusProgression.brokenRule(current, older)).contains(StatusProgression.PROGRESS_NEVER_STEPS_BACK);
	}

	@ParameterizedTest
	@CsvSource({ "SUBMITTED, INFO_REQUESTED", "INFO_REQUESTED, TRIAGE", "TRIAGE, INFO_REQUESTED", "SUBMITTED, ACCEPTED",
			"TRIAGE, ACCEPTED", "ACCEPTED, IN_ASSESSMENT", "SUBMITTED, IN_ASSESSMENT",
			"ACCEPTED, WAITING_FOR_APPOINTMENT", "WAITING_FOR_APPOINTMENT, ACCEPTED",
			"WAITING_FOR_APPOINTMENT, IN_ASSESSMENT" })
	void progressMovesForwardOrWithinAStage(ReferralStatus current, ReferralStatus next) {
		assertThat(StatusProgression.permits(current, next)).isTrue();
	}

	@Test
	void stayingInTheSameStatusIsNoChange() {
		assertThat(StatusProgression.permits(ReferralStatus.IN_ASSESSMENT, ReferralStatus.IN_ASSESSMENT)).isFalse();
	}

	@Test
	void nextKeepsTheCurrentStatusWhenTheRulesForbidTheProposedOne() {
		assertThat(StatusProgression.next(null, ReferralStatus.SUBMITTED)).isEqualTo(ReferralStatus.SUBMITTED);
		assertThat(StatusProgression.next(ReferralStatus.TRIAGE, null)).isEqualTo(ReferralStatus.TRIAGE);
		assertThat(StatusProgression.next(ReferralStatus.TRIAGE, ReferralStatus.ACCEPTED))
			.isEqualTo(ReferralStatus.ACCEPTED);
		assertThat(StatusProgression.next(ReferralStatus.IN_ASSESSMENT, ReferralStatus.TRIAGE))
			.isEqualTo(ReferralStatus.IN_ASSESSMENT);
		assertThat(StatusProgression.next(ReferralStatus.WITHDRAWN, ReferralStatus.COURSE_PLANNED))
			.isEqualTo(ReferralStatus.WITHDRAWN);
	}

}
