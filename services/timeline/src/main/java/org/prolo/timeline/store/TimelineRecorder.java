package org.prolo.timeline.store;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.prolo.referralstatus.ReferralStatus;
import org.prolo.timeline.timeline.TimelineEntry;
import org.prolo.timeline.timeline.TrackingStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The use case: record an event and bring the referral's status up to date. */
@Service
public class TimelineRecorder {

	private static final Logger log = LoggerFactory.getLogger(TimelineRecorder.class);

	private final TimelineStore store;

	private final Clock clock;

	public TimelineRecorder(TimelineStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/**
	 * Called once per event (the listeners drop redeliveries); the entry's primary key
	 * (ce_id) backs that up.
	 */
	@Transactional
	public void record(TimelineEntry entry) {
		Instant now = clock.instant();
		store.lockStatus(entry.referralId(), now);
		store.add(entry, now);
		ReferralStatus status = TrackingStatus.of(store.entriesOf(entry.referralId()));
		store.setStatus(entry.referralId(), status, now);
		log.info("Referral {}: {} recorded, status {}", entry.referralId(), entry.kind().typeName(), status);
	}

	@Transactional(readOnly = true)
	public Optional<Timeline> timelineOf(String referralId) {
		List<TimelineEntry> entries = store.entriesOf(referralId);
		if (entries.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Timeline(referralId, store.statusOf(referralId).orElse(null), entries));
	}

	/**
	 * A referral's entries in time order and its status (null until an event sets one).
	 */
	public record Timeline(String referralId, ReferralStatus status, List<TimelineEntry> entries) {
	}

}
