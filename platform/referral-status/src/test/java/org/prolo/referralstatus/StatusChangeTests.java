package org.prolo.referralstatus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class StatusChangeTests {

	@ParameterizedTest
	@EnumSource(mode = EnumSource.Mode.EXCLUDE, names = "SUBMITTED")
	void triageStartsOnlyForAReferralNobodyHasLookedAtYet(ReferralStatus current) {
		assertThat(StatusChange.TRIAGE_START.concerns(current, ReferralStatus.TRIAGE)).isFalse();
		assertThat(StatusChange.TRIAGE_START.next(current, ReferralStatus.TRIAGE)).isEqualTo(current);
		assertThat(StatusChange.TRIAGE_START.next(ReferralStatus.SUBMITTED, ReferralStatus.TRIAGE))
			.isEqualTo(ReferralStatus.TRIAGE);
	}

	@Test
	void anAcceptanceDoesNotHideThatTheExamWaits() {
		assertThat(StatusChange.TRIAGE_DECISION.next(ReferralStatus.WAITING_FOR_APPOINTMENT, ReferralStatus.ACCEPTED))
			.isEqualTo(ReferralStatus.WAITING_FOR_APPOINTMENT);
		assertThat(StatusChange.TRIAGE_DECISION.next(ReferralStatus.WAITING_FOR_APPOINTMENT, ReferralStatus.REJECTED))
			.isEqualTo(ReferralStatus.REJECTED);
		assertThat(StatusChange.TRIAGE_DECISION.next(ReferralStatus.TRIAGE, ReferralStatus.ACCEPTED))
			.isEqualTo(ReferralStatus.ACCEPTED);
	}

	@ParameterizedTest
	@EnumSource(mode = EnumSource.Mode.EXCLUDE, names = "WAITING_FOR_APPOINTMENT")
	void aBookingMovesOnlyAWaitingReferral(ReferralStatus current) {
		assertThat(StatusChange.EXAM_BOOKING.next(current, ReferralStatus.ACCEPTED)).isEqualTo(current);
		assertThat(StatusChange.EXAM_BOOKING.next(ReferralStatus.WAITING_FOR_APPOINTMENT, ReferralStatus.ACCEPTED))
			.isEqualTo(ReferralStatus.ACCEPTED);
	}

	@Test
	void theProgressionRulesStillHoldWhereAChangeConcernsTheReferral() {
		assertThat(StatusChange.EXAM_WAITLISTING.next(ReferralStatus.IN_ASSESSMENT,
				ReferralStatus.WAITING_FOR_APPOINTMENT))
			.isEqualTo(ReferralStatus.IN_ASSESSMENT);
		assertThat(StatusChange.ASSESSMENT_STEP.next(ReferralStatus.WITHDRAWN, ReferralStatus.IN_ASSESSMENT))
			.isEqualTo(ReferralStatus.WITHDRAWN);
	}

	@ParameterizedTest
	@EnumSource(StatusChange.class)
	void aReferralWithNoStatusYetTakesWhatAnyChangeLeadsTo(StatusChange change) {
		change.targets().forEach(target -> assertThat(change.next(null, target)).isEqualTo(target));
		assertThat(change.next(ReferralStatus.SUBMITTED, null)).isEqualTo(ReferralStatus.SUBMITTED);
	}

	@Test
	void readsAnOutcomeOnlyAmongTheStatusesTheChangeLeadsTo() {
		assertThat(StatusChange.TRIAGE_DECISION.target("INFO_REQUESTED")).contains(ReferralStatus.INFO_REQUESTED);
		assertThat(StatusChange.TRIAGE_DECISION.target("COURSE_PLANNED")).isEmpty();
		assertThat(StatusChange.CLOSING.target("NO_RESPONSE")).contains(ReferralStatus.NO_RESPONSE);
		assertThat(StatusChange.CLOSING.target("ACCEPTED")).isEmpty();
		assertThat(StatusChange.CLOSING.target("ON_THE_MOON")).isEmpty();
		assertThat(StatusChange.CLOSING.targets()).allSatisfy(status -> assertThat(status.isClosed()).isTrue())
			.hasSize(5);
	}

	@Test
	void namesItsOneTargetOnlyWhenItHasOne() {
		assertThat(StatusChange.EXAM_BOOKING.target()).isEqualTo(ReferralStatus.ACCEPTED);
		assertThatIllegalStateException().isThrownBy(StatusChange.TRIAGE_DECISION::target);
	}

}
