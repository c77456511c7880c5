package org.prolo.referralstatus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ShownStatusTests {

	@Test
	void aPlannedCourseWhoseSessionsWaitSaysSoAndThatALetterWillFollow() {
		ShownStatus waiting = ShownStatus.of(ReferralStatus.COURSE_PLANNED, true);

		assertThat(waiting.waitingFor()).isEqualTo(WaitingFor.COURSE);
		assertThat(waiting.words()).isEqualTo("Course of treatment planned; the sessions are waiting for dates: "
				+ "the clinic's calendar is full, you will get a letter with the dates");
		assertThat(ShownStatus.of(ReferralStatus.COURSE_PLANNED, false).words())
			.isEqualTo("Course of treatment planned");
	}

	@Test
	void aWaitingCourseStaysACompletedTaskWhoseBusinessStatusNamesTheWaitBesideTheStatus() {
		ShownStatus waiting = ShownStatus.of(ReferralStatus.COURSE_PLANNED, true);

		assertThat(waiting.fhirStatus()).isEqualTo(FhirTaskStatus.COMPLETED);
		assertThat(waiting.businessStatusCodes()).containsExactly("COURSE_PLANNED", "COURSE_PLANNED_WAITING_FOR_DATES");
		assertThat(ShownStatus.of(ReferralStatus.COURSE_PLANNED, false).businessStatusCodes())
			.containsExactly("COURSE_PLANNED");
	}

	@ParameterizedTest
	@EnumSource(mode = EnumSource.Mode.EXCLUDE, names = "COURSE_PLANNED")
	void theCoursesWaitShowsOnlyOnAPlannedCourse(ReferralStatus status) {
		ShownStatus shown = ShownStatus.of(status, true);

		assertThat(shown.waitingFor()).isNotEqualTo(WaitingFor.COURSE);
		assertThat(shown.words()).isEqualTo(status.words());
		assertThat(shown.fhirStatus()).isEqualTo(status.fhirStatus());
		assertThat(shown.businessStatusCodes()).containsExactly(status.name());
	}

	@Test
	void aWaitingExamIsItsStatus() {
		assertThat(ShownStatus.of(ReferralStatus.WAITING_FOR_APPOINTMENT, false).waitingFor())
			.isEqualTo(WaitingFor.EXAM);
		assertThat(ShownStatus.of(ReferralStatus.ACCEPTED, false).waitingFor()).isNull();
	}

	@Test
	void wordsIntakesCodesShowingAnUnknownStatusAsItCameAndLeavingOutAWaitThatDoesNotFit() {
		assertThat(ShownStatus.wordsFor("COURSE_PLANNED", "COURSE")).startsWith("Course of treatment planned; ");
		assertThat(ShownStatus.wordsFor("COURSE_PLANNED", null)).isEqualTo("Course of treatment planned");
		assertThat(ShownStatus.wordsFor("COURSE_PLANNED", "ON_THE_MOON")).isEqualTo("Course of treatment planned");
		assertThat(ShownStatus.wordsFor("IN_ASSESSMENT", "COURSE")).isEqualTo("In assessment");
		assertThat(ShownStatus.wordsFor("WAITING_FOR_APPOINTMENT", "EXAM"))
			.isEqualTo("Accepted, waiting for an appointment");
		assertThat(ShownStatus.wordsFor("ON_THE_MOON", "COURSE")).isEqualTo("ON_THE_MOON");
	}

	@Test
	void refusesAPairThatContradictsItself() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ShownStatus(ReferralStatus.WITHDRAWN, WaitingFor.COURSE));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ShownStatus(ReferralStatus.WAITING_FOR_APPOINTMENT, null));
		assertThat(new ShownStatus(ReferralStatus.COURSE_PLANNED, WaitingFor.COURSE))
			.isEqualTo(ShownStatus.of(ReferralStatus.COURSE_PLANNED, true));
	}

}
