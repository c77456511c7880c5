package org.prolo.referralstatus;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What can happen to a referral's status, each with the statuses it leads to and the
 * current statuses it concerns at all. Intake follows these as events arrive, the
 * timeline as it folds a referral's events in time order; both ask {@link #concerns}
 * before the {@link StatusProgression} rules, so that a late or repeated event means the
 * same on both sides.
 */
public enum StatusChange {

	/** The physician submitted the referral. */
	SUBMISSION(ReferralStatus.SUBMITTED),

	/**
	 * The clinic has the referral in triage: its first triage task was created.
	 */
	TRIAGE_START(ReferralStatus.TRIAGE) {

		/**
		 * Only a referral nobody has looked at yet: a copy the outbox sent again later
		 * must not turn a pending question (INFO_REQUESTED, the same stage) back into
		 * TRIAGE.
		 */
		@Override
		boolean concernsCurrent(ReferralStatus current, ReferralStatus target) {
			return current == ReferralStatus.SUBMITTED;
		}

	},

	/** Triage decided. */
	TRIAGE_DECISION(ReferralStatus.ACCEPTED, ReferralStatus.INFO_REQUESTED, ReferralStatus.REJECTED) {

		/**
		 * An acceptance read after scheduling put the referral's exam on the waiting list
		 * (another topic, so it can come later) must not hide that it waits.
		 */
		@Override
		boolean concernsCurrent(ReferralStatus current, ReferralStatus target) {
			return !(target == ReferralStatus.ACCEPTED && current == ReferralStatus.WAITING_FOR_APPOINTMENT);
		}

	},

	/** Triage asked the referrer a question. */
	INFORMATION_REQUEST(ReferralStatus.INFO_REQUESTED),

	/** The referrer answered; triage resumes. */
	INFORMATION_ANSWER(ReferralStatus.TRIAGE),

	/** Scheduling found no free slot for the exam: the accepted referral waits. */
	EXAM_WAITLISTING(ReferralStatus.WAITING_FOR_APPOINTMENT),

	/** The waiting exam was booked: the referral is accepted with an appointment. */
	EXAM_BOOKING(ReferralStatus.ACCEPTED) {

		/** Only a referral that waited; any other status already says more. */
		@Override
		boolean concernsCurrent(ReferralStatus current, ReferralStatus target) {
			return current == ReferralStatus.WAITING_FOR_APPOINTMENT;
		}

	},

	/**
	 * Any step of the clinical assessment: history, exam, imaging, suitability, course
	 * planning.
	 */
	ASSESSMENT_STEP(ReferralStatus.IN_ASSESSMENT),

	/** The physician withdrew the referral. */
	WITHDRAWAL(ReferralStatus.WITHDRAWN),

	/** The workflow closed the referral with one of the closed statuses. */
	CLOSING(Arrays.stream(ReferralStatus.values()).filter(ReferralStatus::isClosed).toArray(ReferralStatus[]::new));

	private final Set<ReferralStatus> targets;

	StatusChange(ReferralStatus... targets) {
		this.targets = Collections.unmodifiableSet(EnumSet.of(targets[0], targets));
	}

	/** The statuses this change may lead to. */
	public Set<ReferralStatus> targets() {
		return this.targets;
	}

	/** Whether this change may lead to {@code target}. */
	public boolean leadsTo(ReferralStatus target) {
		return this.targets.contains(target);
	}

	/**
	 * The status this change leads to.
	 * @throws IllegalStateException for a change that may lead to several (triage's
	 * decision, the closing): ask {@link #target(String)}
	 */
	public ReferralStatus target() {
		if (this.targets.size() != 1) {
			throw new IllegalStateException(this + " leads to one of " + this.targets);
		}
		return this.targets.iterator().next();
	}

	/**
	 * The status named by an event's outcome, if this change may lead to it; empty for
	 * another or an unknown code (a newer sender).
	 */
	public Optional<ReferralStatus> target(String code) {
		return ReferralStatus.of(code).filter(this::leadsTo);
	}

	/**
	 * Whether this change, leading to {@code target}, means anything for a referral in
	 * {@code current}, before the {@link StatusProgression} rules are asked. A referral
	 * with no status yet is concerned by everything.
	 */
	public boolean concerns(ReferralStatus current, ReferralStatus target) {
		return current == null || concernsCurrent(current, target);
	}

	boolean concernsCurrent(ReferralStatus current, ReferralStatus target) {
		return true;
	}

	/**
	 * The status after this change, leading to {@code target}, happened to a referral in
	 * {@code current}: {@code target} when the change concerns the referral and the rules
	 * permit it, else {@code current}. Either may be null (no status yet, an event that
	 * sets none).
	 */
	public ReferralStatus next(ReferralStatus current, ReferralStatus target) {
		return concerns(current, target) ? StatusProgression.next(current, target) : current;
	}

}
