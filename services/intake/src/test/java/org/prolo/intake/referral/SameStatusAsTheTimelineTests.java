package org.prolo.intake.referral;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.prolo.referralstatus.ReferralStatus;
import org.prolo.referralstatus.testing.StatusSequences;
import org.prolo.referralstatus.testing.StatusSequences.Event;
import org.prolo.referralstatus.testing.StatusSequences.Sequence;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intake shows the status the timeline shows for the same events: both are checked
 * against platform/referral-status's {@link StatusSequences} (the timeline in its
 * SameStatusAsIntakeTests). Each event goes in, in the order listed, as intake's
 * listeners and use cases turn it into a change of the referral.
 */
class SameStatusAsTheTimelineTests {

	static final Instant T0 = Instant.parse("2025-05-01T08:00:00Z");

	@ParameterizedTest(name = "{0}")
	@MethodSource("org.prolo.referralstatus.testing.StatusSequences#all")
	void showsTheStatusTheTimelineShows(Sequence sequence) {
		Referral referral = null;
		Instant at = T0;
		for (Event event : sequence.events()) {
			at = at.plusSeconds(60);
			referral = (referral == null) ? submitted(event, at) : apply(referral, event, at);
		}

		assertThat(referral.status()).isEqualTo(sequence.expected());
	}

	private static Referral submitted(Event event, Instant at) {
		assertThat(event.type()).as("a sequence begins with the submission").isEqualTo("ReferralSubmitted");
		return Referral.submit("R-1", Drafts.valid(), "P-00000000", at);
	}

	private static Referral apply(Referral referral, Event event, Instant at) {
		boolean exam = "EXAM".equals(event.purpose());
		return switch (event.type()) {
			case "ReferralTriageStarted" -> referral.progress(new ReferralProgress.TriageStarted(at));
			case "ReferralTriaged" -> referral
				.progress(new ReferralProgress.Triaged(ReferralStatus.valueOf(event.outcome()), null, null, at));
			case "ReferralInfoRequested" ->
				referral.progress(new ReferralProgress.InformationRequested("Latest X-ray?", at));
			case "ReferralInfoProvided" -> referral.answerInformationRequest();
			case "HistoryRecorded", "ExamCompleted" -> referral.progress(new ReferralProgress.AssessmentAdvanced());
			case "ReferralWithdrawn" -> referral.withdraw(null, at);
			case "ReferralClosed" ->
				referral.progress(new ReferralProgress.Closed(ReferralStatus.valueOf(event.outcome()), null, null, at));
			case "AppointmentWaitlisted" ->
				exam ? referral.progress(new ReferralProgress.WaitingForAppointment()) : referral.courseWaitlisted(at);
			case "SessionsScheduled" -> !event.fromWaitingList() ? referral
					: exam ? referral.progress(new ReferralProgress.AppointmentBooked()) : referral.courseWaitEnded(at);
			case "WaitingListLeft" -> exam ? referral : referral.courseWaitEnded(at);
			default -> throw new IllegalArgumentException("No listener of intake reads " + event.type());
		};
	}

}
