package org.prolo.timeline.timeline;

import java.util.Comparator;
import java.util.List;

import org.prolo.referralstatus.ReferralStatus;
import org.prolo.referralstatus.StatusChange;
import org.prolo.referralstatus.StatusProgression;

/**
 * The policy that gives a referral its status: its events applied in the order they
 * occurred, each by the {@link StatusChange} and {@link StatusProgression} intake applies
 * too. Events arrive on five topics and so may arrive out of order; folding in time order
 * makes the status independent of arrival order.
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
			StatusChange change = entry.kind().statusChange();
			if (change != null) {
				status = change.next(status, entry.statusAfter());
			}
		}
		return status;
	}

}
