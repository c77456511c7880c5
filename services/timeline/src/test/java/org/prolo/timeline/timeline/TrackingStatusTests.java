package org.prolo.timeline.timeline;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.prolo.referralstatus.ReferralStatus;

import static org.assertj.core.api.Assertions.assertThat;

class TrackingStatusTests {

	@Test
	void aClosedStatusNeverReopensWhateverHappensLater() {
		var submitted = entry("e1", EventKind.REFERRAL_SUBMITTED, "2025-05-01T00:00:00Z", null);
		var withdrawn = entry("e2", EventKind.REFERRAL_WITHDRAWN, "2025-05-02T00:00:00Z", null);
		var lateTriage = entry("e3", EventKind.REFERRAL_TRIAGED, "2025-05-03T00:00:00Z", "ACCEPTED");

		assertThat(TrackingStatus.of(List.of(submitted, withdrawn, lateTriage))).isEqualTo(ReferralStatus.WITHDRAWN);
	}

	@Test
	void statusFollowsTheOrderEventsOccurredInNotTheOrderTheyArrived() {
		var closed = entry("e3", EventKind.REFERRAL_CLOSED, "2025-05-03T00:00:00Z", "COURSE_PLANNED");
		var lateReport = entry("e4", EventKind.IMAGING_REPORTED, "2025-05-04T00:00:00Z", null);
		var submitted = entry("e1", EventKind.REFERRAL_SUBMITTED, "2025-05-01T00:00:00Z", null);
		var infoProvided = entry("e2", EventKind.REFERRAL_INFO_PROVIDED, "2025-05-02T00:00:00Z", null);

		assertThat(TrackingStatus.of(List.of(closed, lateReport, infoProvided, submitted)))
			.isEqualTo(ReferralStatus.COURSE_PLANNED);
		assertThat(TrackingStatus.of(List.of(infoProvided, submitted))).isEqualTo(ReferralStatus.TRIAGE);
	}

	@Test
	void triageStartsOnlyForANewReferral() {
		var submitted = entry("e1", EventKind.REFERRAL_SUBMITTED, "2025-05-01T00:00:00Z", null);
		var triageStarted = entry("e2", EventKind.REFERRAL_TRIAGE_STARTED, "2025-05-01T00:00:01Z", null);
		var asked = entry("e3", EventKind.REFERRAL_TRIAGED, "2025-05-02T00:00:00Z", "INFO_REQUESTED");
		var sentAgainLater = entry("e2", EventKind.REFERRAL_TRIAGE_STARTED, "2025-05-03T00:00:00Z", null);

		assertThat(TrackingStatus.of(List.of(submitted))).isEqualTo(ReferralStatus.SUBMITTED);
		assertThat(TrackingStatus.of(List.of(triageStarted, submitted))).isEqualTo(ReferralStatus.TRIAGE);
		assertThat(TrackingStatus.of(List.of(submitted, triageStarted, asked, sentAgainLater)))
			.isEqualTo(ReferralStatus.INFO_REQUESTED);
	}

	@ParameterizedTest
	@CsvSource({ "REFERRAL_TRIAGED, ACCEPTED, ACCEPTED", "REFERRAL_TRIAGED, REJECTED, REJECTED",
			"REFERRAL_TRIAGED, INFO_REQUESTED, INFO_REQUESTED", "REFERRAL_TRIAGE_STARTED, , TRIAGE",
			"REFERRAL_INFO_PROVIDED, , TRIAGE", "HISTORY_RECORDED, , IN_ASSESSMENT",
			"SUITABILITY_DECIDED, , IN_ASSESSMENT", "REFERRAL_WITHDRAWN, , WITHDRAWN",
			"REFERRAL_CLOSED, NO_RESPONSE, NO_RESPONSE", "REFERRAL_CLOSED, NOT_SUITABLE, NOT_SUITABLE",
			"APPOINTMENT_WAITLISTED, EXAM, WAITING_FOR_APPOINTMENT", "SESSIONS_SCHEDULED, EXAM, ACCEPTED" })
	void eventsMoveTheReferralToTheirStatus(EventKind kind, String outcome, ReferralStatus expected) {
		assertThat(kind.statusAfter(outcome)).isEqualTo(expected);
	}

	@Test
	void notificationsAndBookingsDoNotChangeTheStatus() {
		assertThat(EventKind.REFERRER_NOTIFIED.statusAfter(null)).isNull();
		assertThat(EventKind.SESSIONS_SCHEDULED.statusAfter(null)).isNull();
		assertThat(EventKind.REFERRAL_CLOSED.statusAfter("SOMETHING_NEW")).isNull();
	}

	@Test
	void aCoursesWaitAndBookingLeaveThePlannedCourseAsItIs() {
		assertThat(EventKind.APPOINTMENT_WAITLISTED.statusAfter("COURSE")).isNull();
		assertThat(EventKind.SESSIONS_SCHEDULED.statusAfter("COURSE")).isNull();
		assertThat(EventKind.WAITING_LIST_LEFT.statusAfter("EXAM")).isNull();
	}

	@Test
	void anExamWaitsUntilItIsBookedFromTheWaitingList() {
		var accepted = entry("e1", EventKind.REFERRAL_TRIAGED, "2025-05-01T00:00:00Z", "ACCEPTED");
		var waiting = entry("e2", EventKind.APPOINTMENT_WAITLISTED, "2025-05-01T00:00:01Z", "EXAM");
		var booked = entry("e3", EventKind.SESSIONS_SCHEDULED, "2025-05-03T00:00:00Z", "EXAM");
		var acceptedAgain = entry("e4", EventKind.REFERRAL_TRIAGED, "2025-05-02T00:00:00Z", "ACCEPTED");

		assertThat(TrackingStatus.of(List.of(waiting, accepted))).isEqualTo(ReferralStatus.WAITING_FOR_APPOINTMENT);
		assertThat(TrackingStatus.of(List.of(accepted, waiting, acceptedAgain)))
			.isEqualTo(ReferralStatus.WAITING_FOR_APPOINTMENT);
		assertThat(TrackingStatus.of(List.of(accepted, waiting, booked))).isEqualTo(ReferralStatus.ACCEPTED);
		assertThat(TrackingStatus.of(List.of(accepted, booked))).isEqualTo(ReferralStatus.ACCEPTED);
	}

	static TimelineEntry entry(String id, EventKind kind, String at, String outcome) {
		return new TimelineEntry(id, "R-1", kind, Instant.parse(at), "/prolo/test", kind.typeName(),
				kind.statusAfter(outcome));
	}

}
