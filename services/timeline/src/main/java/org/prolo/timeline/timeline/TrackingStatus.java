package org.prolo.timeline.timeline;

import java.util.Comparator;
import java.util.List;

import org.prolo.referralstatus.ReferralStatus;
import org.prolo.referralstatus.StatusProgression;

/**
 * The policy that gives a referral its status: its events applied in the order they
 * occurred, each by the one {@link StatusProgression} intake applies too. Events arrive
 * on five topics and so may arrive out of order; folding in time order makes the status
 * independent of arrival order.
 */
public final class TrackingStatus {

	/** Time order, with the event id to make ties deterministic. */
	public static final Comparator<TimelineEntry> IN_TIME_ORDER = Comparator.comparing(TimelineEntry::occurredAt)
		.thenComparing(TimelineEntry::eventId);

	private TrackingStatus() {
	}

	/** The status after all these entries; null when none of them sets one. */
	public static ReferralStatus of(List<TimelineEntry> entries) {
		ReferralStatus status = null;
		for (TimelineEntry entry : entries.stream().sorted(IN_TIME_ORDER).toList()) {
			if (!startsTriageTooLate(status, entry)) {
				status = StatusProgression.next(status, entry.statusAfter());
			}
		}
		return status;
	}

	/**
	 * The start of triage moves only a referral nobody has looked at yet: a copy the
	 * outbox sent again later (a later ce_time) must not turn a pending question back
	 * into TRIAGE.
	 */
	private static boolean startsTriageTooLate(ReferralStatus current, TimelineEntry entry) {
		return entry.kind() == EventKind.REFERRAL_TRIAGE_STARTED && current != null
				&& current != ReferralStatus.SUBMITTED;
	}

}
