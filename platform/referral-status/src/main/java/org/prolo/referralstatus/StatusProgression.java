package org.prolo.referralstatus;

import java.util.Arrays;
import java.util.Optional;

/**
 * The rules by which a referral's status may change, whoever asks: the physician, or the
 * workflow's events, which may arrive late or twice. Intake applies them as events
 * arrive, the timeline as it folds a referral's events in time order, so both show the
 * same status; both ask first whether the {@link StatusChange} an event makes concerns
 * the current status at all.
 */
public enum StatusProgression {

	/**
	 * Once WITHDRAWN, REJECTED, NOT_SUITABLE, COURSE_PLANNED or NO_RESPONSE, nothing
	 * moves the status again: a late workflow event after a withdrawal must not reopen
	 * the referral.
	 */
	CLOSED_REFERRAL_STAYS_CLOSED {
		@Override
		boolean allows(ReferralStatus current, ReferralStatus target) {
			return !current.isClosed();
		}
	},

	/**
	 * An open referral moves only to a status of the same or a later stage, so an older
	 * triage event does not undo IN_ASSESSMENT; TRIAGE and INFO_REQUESTED share a stage
	 * and may alternate.
	 */
	PROGRESS_NEVER_STEPS_BACK {
		@Override
		boolean allows(ReferralStatus current, ReferralStatus target) {
			return target.stage() >= current.stage();
		}
	};

	abstract boolean allows(ReferralStatus current, ReferralStatus target);

	/**
	 * Whether the status may change from {@code current} to {@code target}; false when
	 * they are equal.
	 */
	public static boolean permits(ReferralStatus current, ReferralStatus target) {
		return current != target && brokenRule(current, target).isEmpty();
	}

	/** The first rule that forbids the change, if any. */
	public static Optional<StatusProgression> brokenRule(ReferralStatus current, ReferralStatus target) {
		return Arrays.stream(values()).filter(rule -> !rule.allows(current, target)).findFirst();
	}

	/**
	 * The status after {@code proposed} happened to a referral in {@code current}: the
	 * proposed one when the rules permit it, else the current one. Either may be null (no
	 * status yet, an event that sets none).
	 */
	public static ReferralStatus next(ReferralStatus current, ReferralStatus proposed) {
		if (current == null || (proposed != null && permits(current, proposed))) {
			return (proposed != null) ? proposed : current;
		}
		return current;
	}

}
