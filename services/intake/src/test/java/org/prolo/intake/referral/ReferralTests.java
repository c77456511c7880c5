package org.prolo.intake.referral;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.prolo.referralstatus.FhirTaskStatus;
import org.prolo.referralstatus.ReferralStatus;
import org.prolo.referralstatus.WaitingFor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReferralTests {

	static final Instant NOW = Instant.parse("2025-01-15T09:30:00.123456Z");

	@Test
	void aSubmittedReferralAwaitsTriageWithTheReferrersPseudonym() {
		Referral referral = Referral.submit("R-1", Drafts.valid(), "P-00000000", NOW);

		assertThat(referral.status()).isEqualTo(ReferralStatus.SUBMITTED);
		assertThat(referral.patient().pseudonym()).isEqualTo("P-1a2b3c4d");
		assertThat(referral.clinical().condition()).isEqualTo(Condition.KNEE_OSTEOARTHRITIS);
		// Events carry timestamp-millis: the stored time must equal the published one.
		assertThat(referral.submittedAt()).isEqualTo(Instant.parse("2025-01-15T09:30:00.123Z"));
	}

	@Test
	void generatesAPseudonymWhenTheReferrerHasNone() {
		assertThat(Referral.submit("R-1", Drafts.withoutPseudonym(), ReferralIdentities.newPseudonym(), NOW)
			.patient()
			.pseudonym()).matches("P-[0-9a-f]{8}");
		assertThat(ReferralIdentities.newReferralId()).matches("R-[0-9a-f-]{36}");
	}

	@Test
	void refusesADraftThatBreaksThePolicy() {
		var d = Drafts.valid();
		var bad = new ReferralDraft(d.referrerId(), d.referrerName(), d.referrerEmail(), null, d.patientName(),
				d.patientBirthDate(), d.patientAddress(), "FROZEN_SHOULDER", d.bodySite(), 9, true, false, false, false,
				false, false, false, "ROUTINE", null);

		assertThatExceptionOfType(InvalidReferralException.class)
			.isThrownBy(() -> Referral.submit("R-1", bad, "P-00000000", NOW))
			.satisfies(ex -> assertThat(ex.violations()).extracting(Violation::field).containsExactly("condition"));
	}

	@Test
	void triageStartedMovesASubmittedReferralToTriageOnce() {
		Referral inTriage = submitted().progress(new ReferralProgress.TriageStarted(NOW));

		assertThat(inTriage.status()).isEqualTo(ReferralStatus.TRIAGE);
		assertThat(inTriage.status().fhirStatus()).isEqualTo(FhirTaskStatus.RECEIVED);
		assertThat(inTriage.progress(new ReferralProgress.TriageStarted(NOW))).isEqualTo(inTriage);
	}

	@Test
	void aLateTriageStartedNeverMovesTheReferralBack() {
		Referral asking = submitted().progress(new ReferralProgress.InformationRequested("Latest X-ray?", NOW));
		Referral accepted = submitted()
			.progress(new ReferralProgress.Triaged(ReferralStatus.ACCEPTED, null, null, NOW));
		Referral withdrawn = submitted().withdraw(null, NOW);

		for (Referral later : new Referral[] { asking, accepted, withdrawn }) {
			assertThat(later.progress(new ReferralProgress.TriageStarted(NOW))).as(later.status().name())
				.isEqualTo(later);
		}
	}

	@Test
	void anAcceptedReferralWaitsForItsAppointmentUntilTheExamIsBooked() {
		Referral accepted = submitted()
			.progress(new ReferralProgress.Triaged(ReferralStatus.ACCEPTED, null, null, NOW));

		Referral waiting = accepted.progress(new ReferralProgress.WaitingForAppointment());
		assertThat(waiting.status()).isEqualTo(ReferralStatus.WAITING_FOR_APPOINTMENT);
		assertThat(waiting.status().fhirStatus()).isEqualTo(FhirTaskStatus.IN_PROGRESS);
		// The acceptance read late (another topic) does not hide the wait.
		assertThat(waiting.progress(new ReferralProgress.Triaged(ReferralStatus.ACCEPTED, null, null, NOW)))
			.isEqualTo(waiting);

		assertThat(waiting.progress(new ReferralProgress.AppointmentBooked()).status())
			.isEqualTo(ReferralStatus.ACCEPTED);
		// A booking of a referral that never waited, or is further on, changes nothing.
		assertThat(accepted.progress(new ReferralProgress.AppointmentBooked())).isEqualTo(accepted);
		Referral assessed = waiting.progress(new ReferralProgress.AssessmentAdvanced());
		assertThat(assessed.status()).isEqualTo(ReferralStatus.IN_ASSESSMENT);
		assertThat(assessed.progress(new ReferralProgress.WaitingForAppointment())).isEqualTo(assessed);
	}

	@Test
	void withdrawingClosesTheReferralAtOnce() {
		Referral withdrawn = submitted().withdraw("moved away", NOW);

		assertThat(withdrawn.status()).isEqualTo(ReferralStatus.WITHDRAWN);
		assertThat(withdrawn.outcome()).isEqualTo(
				new Outcome(ReferralStatus.WITHDRAWN, null, "moved away", Instant.parse("2025-01-15T09:30:00.123Z")));
	}

	@Test
	void aClosedReferralCannotBeWithdrawn() {
		Referral rejected = submitted().progress(
				new ReferralProgress.Triaged(ReferralStatus.REJECTED, "OUT_OF_AREA", "Please refer locally", NOW));

		assertThatExceptionOfType(ReferralStateConflictException.class).isThrownBy(() -> rejected.withdraw(null, NOW))
			.satisfies(ex -> assertThat(ex.status()).isEqualTo(ReferralStatus.REJECTED));
	}

	@Test
	void aLateWorkflowEventDoesNotReopenAWithdrawnReferral() {
		Referral withdrawn = submitted().withdraw(null, NOW);

		assertThat(withdrawn.progress(new ReferralProgress.Triaged(ReferralStatus.ACCEPTED, null, null, NOW)))
			.isEqualTo(withdrawn);
		assertThat(withdrawn.progress(new ReferralProgress.AssessmentAdvanced())).isEqualTo(withdrawn);
		assertThat(withdrawn.progress(new ReferralProgress.Closed(ReferralStatus.COURSE_PLANNED, null, null, NOW)))
			.isEqualTo(withdrawn);
	}

	@Test
	void theWorkflowsClosingConfirmsAWithdrawalWithoutChangingIt() {
		Referral withdrawn = submitted().withdraw("moved away", NOW);

		assertThat(withdrawn
			.progress(new ReferralProgress.Closed(ReferralStatus.WITHDRAWN, null, null, NOW.plusSeconds(5))))
			.isEqualTo(withdrawn);
	}

	@Test
	void aRequestForInformationPutsTheReferralOnHoldWithItsQuestion() {
		Referral onHold = submitted()
			.progress(new ReferralProgress.Triaged(ReferralStatus.INFO_REQUESTED, null, null, NOW))
			.progress(new ReferralProgress.InformationRequested("Latest X-ray?", NOW));

		assertThat(onHold.status()).isEqualTo(ReferralStatus.INFO_REQUESTED);
		assertThat(onHold.status().fhirStatus()).isEqualTo(FhirTaskStatus.ON_HOLD);
		assertThat(onHold.openQuestion()).isEqualTo("Latest X-ray?");
	}

	@Test
	void answeringResumesTriageAndClearsTheQuestion() {
		Referral answered = submitted().progress(new ReferralProgress.InformationRequested("Latest X-ray?", NOW))
			.answerInformationRequest();

		assertThat(answered.status()).isEqualTo(ReferralStatus.TRIAGE);
		assertThat(answered.openQuestion()).isNull();
	}

	@Test
	void onlyAPendingRequestCanBeAnswered() {
		assertThatExceptionOfType(ReferralStateConflictException.class)
			.isThrownBy(() -> submitted().answerInformationRequest());
	}

	@Test
	void assessmentEventsMoveAnAcceptedReferralIntoAssessmentButNotBack() {
		Referral inAssessment = submitted()
			.progress(new ReferralProgress.Triaged(ReferralStatus.ACCEPTED, null, null, NOW))
			.progress(new ReferralProgress.AssessmentAdvanced());

		assertThat(inAssessment.status()).isEqualTo(ReferralStatus.IN_ASSESSMENT);
		assertThat(inAssessment.progress(new ReferralProgress.Triaged(ReferralStatus.ACCEPTED, null, null, NOW)))
			.isEqualTo(inAssessment);
	}

	@Test
	void closingRecordsTheOutcome() {
		Referral closed = submitted().progress(new ReferralProgress.AssessmentAdvanced())
			.progress(new ReferralProgress.Closed(ReferralStatus.NOT_SUITABLE, "NOT_CHRONIC", "Pain < 3 months", NOW));

		assertThat(closed.status()).isEqualTo(ReferralStatus.NOT_SUITABLE);
		assertThat(closed.outcome())
			.isEqualTo(new Outcome(ReferralStatus.NOT_SUITABLE, "NOT_CHRONIC", "Pain < 3 months", NOW));
	}

	@Test
	void aPlannedCourseWhoseSessionsWaitStaysClosedAndSaysItWaitsUntilTheyAreBooked() {
		Referral planned = coursePlanned();

		Referral waiting = planned.courseWaitlisted(NOW);
		assertThat(waiting.status()).isEqualTo(ReferralStatus.COURSE_PLANNED);
		assertThat(waiting.outcome()).isEqualTo(planned.outcome());
		assertThat(waiting.shown().waitingFor()).isEqualTo(WaitingFor.COURSE);
		assertThat(waiting.shown().fhirStatus()).isEqualTo(FhirTaskStatus.COMPLETED);
		assertThat(waiting.courseWaitlisted(NOW)).as("the same report again").isEqualTo(waiting);

		Referral booked = waiting.courseWaitEnded(NOW.plusSeconds(3600));
		assertThat(booked.status()).isEqualTo(ReferralStatus.COURSE_PLANNED);
		assertThat(booked.shown().waitingFor()).isNull();
		assertThat(booked.courseWaitEnded(NOW.plusSeconds(3600))).isEqualTo(booked);
	}

	@Test
	void anOlderWaitReadAfterTheBookingDoesNotPutTheCourseBackOnTheList() {
		Referral booked = coursePlanned().courseWaitlisted(NOW).courseWaitEnded(NOW.plusSeconds(60));

		assertThat(booked.courseWaitlisted(NOW)).isEqualTo(booked);
		// The booking's time is never before the wait's; at the same millisecond the end
		// wins, in either order.
		assertThat(booked.courseWaitlisted(NOW.plusSeconds(60))).isEqualTo(booked);
		assertThat(coursePlanned().courseWaitlisted(NOW).courseWaitEnded(NOW).shown().waitingFor()).isNull();
		// A later wait (the course waits again) is news.
		assertThat(booked.courseWaitlisted(NOW.plusSeconds(61)).shown().waitingFor()).isEqualTo(WaitingFor.COURSE);
	}

	@Test
	void aBookingReadBeforeItsWaitLeavesTheCourseNotWaiting() {
		Referral bookedFirst = coursePlanned().courseWaitEnded(NOW.plusSeconds(60));

		assertThat(bookedFirst.courseWaitlisted(NOW).shown().waitingFor()).isNull();
		assertThat(bookedFirst.courseWaitlisted(NOW)).isEqualTo(bookedFirst);
	}

	@Test
	void aCourseTakenOffTheListNoLongerWaitsAndAnOlderEndChangesNothing() {
		Referral waiting = coursePlanned().courseWaitlisted(NOW.plusSeconds(60));

		assertThat(waiting.courseWaitEnded(NOW)).as("an end older than the wait").isEqualTo(waiting);
		assertThat(waiting.courseWaitEnded(NOW.plusSeconds(120)).shown().waitingFor()).isNull();
	}

	@Test
	void aWaitReadBeforeTheCloseShowsOnceTheCourseIsPlanned() {
		// Scheduling's topic may be read before the workflow's close.
		Referral assessed = submitted().progress(new ReferralProgress.AssessmentAdvanced()).courseWaitlisted(NOW);
		assertThat(assessed.status()).isEqualTo(ReferralStatus.IN_ASSESSMENT);
		assertThat(assessed.shown().waitingFor()).isNull();

		Referral planned = assessed
			.progress(new ReferralProgress.Closed(ReferralStatus.COURSE_PLANNED, null, "Five sessions", NOW));
		assertThat(planned.shown().waitingFor()).isEqualTo(WaitingFor.COURSE);
	}

	@Test
	void aCloseWithoutACourseEndsTheWaitAndALaterWaitIsIgnored() {
		Referral assessed = submitted().progress(new ReferralProgress.AssessmentAdvanced()).courseWaitlisted(NOW);

		Referral withdrawn = assessed.withdraw(null, NOW.plusSeconds(5));
		assertThat(withdrawn.courseWait().waiting()).isFalse();
		Referral notSuitable = assessed
			.progress(new ReferralProgress.Closed(ReferralStatus.NOT_SUITABLE, null, null, NOW.plusSeconds(5)));
		assertThat(notSuitable.courseWait().waiting()).isFalse();
		assertThat(notSuitable.courseWaitlisted(NOW.plusSeconds(10))).isEqualTo(notSuitable);
	}

	@Test
	void neverPrintsThePatientsIdentity() {
		Referral referral = submitted();

		assertThat(referral.toString()).contains("P-1a2b3c4d").doesNotContain("Demo Patient", "Demo Street", "1970");
		assertThat(Drafts.valid().toString()).doesNotContain("Demo Patient", "Demo Street", "1970");
	}

	private static Referral coursePlanned() {
		return submitted().progress(new ReferralProgress.AssessmentAdvanced())
			.progress(new ReferralProgress.Closed(ReferralStatus.COURSE_PLANNED, null, "Five sessions", NOW));
	}

	private static Referral submitted() {
		return Referral.submit("R-1", Drafts.valid(), "P-00000000", NOW);
	}

}
