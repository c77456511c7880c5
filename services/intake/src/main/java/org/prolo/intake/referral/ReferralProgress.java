package org.prolo.intake.referral;

import java.time.Instant;

import org.prolo.referralstatus.ReferralStatus;
import org.prolo.referralstatus.StatusProgression;

/** What the clinic's workflow reports about a referral, in the referral's terms. */
public sealed interface ReferralProgress {

	/** The status this progress asks for. */
	ReferralStatus target();

	/**
	 * Whether this progress means anything for a referral in {@code current}, before the
	 * {@link StatusProgression} rules are asked.
	 */
	default boolean concerns(ReferralStatus current) {
		return true;
	}

	/** The clinic has the referral in triage: its first triage task was created. */
	record TriageStarted(Instant startedAt) implements ReferralProgress {

		@Override
		public ReferralStatus target() {
			return ReferralStatus.TRIAGE;
		}

		/**
		 * Only a referral nobody has looked at yet: a late copy must not turn a pending
		 * question (INFO_REQUESTED, the same stage) back into TRIAGE.
		 */
		@Override
		public boolean concerns(ReferralStatus current) {
			return current == ReferralStatus.SUBMITTED;
		}

	}

	/** Triage decided: ACCEPTED, INFO_REQUESTED or REJECTED. */
	record Triaged(ReferralStatus target, String reasonCode, String noteToReferrer,
			Instant triagedAt) implements ReferralProgress {

		public Triaged {
			if (target != ReferralStatus.ACCEPTED && target != ReferralStatus.INFO_REQUESTED
					&& target != ReferralStatus.REJECTED) {
				throw new IllegalArgumentException("Triage cannot end in " + target);
			}
		}

		/**
		 * An acceptance read after scheduling put the referral on the waiting list
		 * (another topic, so it can come later) must not hide that it waits.
		 */
		@Override
		public boolean concerns(ReferralStatus current) {
			return !(target == ReferralStatus.ACCEPTED && current == ReferralStatus.WAITING_FOR_APPOINTMENT);
		}

	}

	/** Triage asked the referrer a question. */
	record InformationRequested(String question, Instant requestedAt) implements ReferralProgress {

		@Override
		public ReferralStatus target() {
			return ReferralStatus.INFO_REQUESTED;
		}

	}

	/** Scheduling found no free slot for the exam: the accepted referral waits. */
	record WaitingForAppointment() implements ReferralProgress {

		@Override
		public ReferralStatus target() {
			return ReferralStatus.WAITING_FOR_APPOINTMENT;
		}

	}

	/** The waiting exam was booked: the referral is accepted with an appointment. */
	record AppointmentBooked() implements ReferralProgress {

		@Override
		public ReferralStatus target() {
			return ReferralStatus.ACCEPTED;
		}

		/** Only a referral that waited; any other status already says more. */
		@Override
		public boolean concerns(ReferralStatus current) {
			return current == ReferralStatus.WAITING_FOR_APPOINTMENT;
		}

	}

	/**
	 * Any step of the clinical assessment: history, exam, imaging, suitability, course
	 * planning.
	 */
	record AssessmentAdvanced() implements ReferralProgress {

		@Override
		public ReferralStatus target() {
			return ReferralStatus.IN_ASSESSMENT;
		}

	}

	/** The workflow closed the referral with one of the closed statuses. */
	record Closed(ReferralStatus target, String reasonCode, String noteToReferrer,
			Instant closedAt) implements ReferralProgress {

		public Closed {
			if (!target.isClosed()) {
				throw new IllegalArgumentException(target + " is not an outcome");
			}
		}

	}

}
