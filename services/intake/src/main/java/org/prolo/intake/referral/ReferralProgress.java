package org.prolo.intake.referral;

import java.time.Instant;

import org.prolo.referralstatus.ReferralStatus;
import org.prolo.referralstatus.StatusChange;

/**
 * What the clinic's workflow reports about a referral, in the referral's terms. Which
 * current statuses each one concerns is its {@link StatusChange}'s, which the timeline
 * follows too.
 */
public sealed interface ReferralProgress {

	/** What this progress does to the status. */
	StatusChange change();

	/** The status this progress asks for. */
	default ReferralStatus target() {
		return change().target();
	}

	/** The clinic has the referral in triage: its first triage task was created. */
	record TriageStarted(Instant startedAt) implements ReferralProgress {

		@Override
		public StatusChange change() {
			return StatusChange.TRIAGE_START;
		}

	}

	/** Triage decided: ACCEPTED, INFO_REQUESTED or REJECTED. */
	record Triaged(ReferralStatus target, String reasonCode, String noteToReferrer,
			Instant triagedAt) implements ReferralProgress {

		public Triaged {
			if (!StatusChange.TRIAGE_DECISION.leadsTo(target)) {
				throw new IllegalArgumentException("Triage cannot end in " + target);
			}
		}

		@Override
		public StatusChange change() {
			return StatusChange.TRIAGE_DECISION;
		}

	}

	/** Triage asked the referrer a question. */
	record InformationRequested(String question, Instant requestedAt) implements ReferralProgress {

		@Override
		public StatusChange change() {
			return StatusChange.INFORMATION_REQUEST;
		}

	}

	/** Scheduling found no free slot for the exam: the accepted referral waits. */
	record WaitingForAppointment() implements ReferralProgress {

		@Override
		public StatusChange change() {
			return StatusChange.EXAM_WAITLISTING;
		}

	}

	/** The waiting exam was booked: the referral is accepted with an appointment. */
	record AppointmentBooked() implements ReferralProgress {

		@Override
		public StatusChange change() {
			return StatusChange.EXAM_BOOKING;
		}

	}

	/**
	 * Any step of the clinical assessment: history, exam, imaging, suitability, course
	 * planning.
	 */
	record AssessmentAdvanced() implements ReferralProgress {

		@Override
		public StatusChange change() {
			return StatusChange.ASSESSMENT_STEP;
		}

	}

	/** The workflow closed the referral with one of the closed statuses. */
	record Closed(ReferralStatus target, String reasonCode, String noteToReferrer,
			Instant closedAt) implements ReferralProgress {

		public Closed {
			if (!StatusChange.CLOSING.leadsTo(target)) {
				throw new IllegalArgumentException(target + " is not an outcome");
			}
		}

		@Override
		public StatusChange change() {
			return StatusChange.CLOSING;
		}

	}

}
