package org.prolo.timeline.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.prolo.referralstatus.testing.StatusSequences;
import org.prolo.referralstatus.testing.StatusSequences.Event;
import org.prolo.referralstatus.testing.StatusSequences.Sequence;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline shows the status intake shows for the same events: both are checked
 * against platform/referral-status's {@link StatusSequences}. Each event becomes the
 * entry the listeners record, one minute after the one before; the fold gets them in
 * reverse, as its time order, not their arrival, decides.
 */
class SameStatusAsIntakeTests {

	static final Instant T0 = Instant.parse("2025-05-01T08:00:00Z");

	@ParameterizedTest(name = "{0}")
	@MethodSource("org.prolo.referralstatus.testing.StatusSequences#all")
	void showsTheStatusIntakeShows(Sequence sequence) {
		List<TimelineEntry> entries = new ArrayList<>();
		for (Event event : sequence.events()) {
			entries.add(entry(entries.size(), event));
		}
		Collections.reverse(entries);

		assertThat(TrackingStatus.of(entries)).isEqualTo(sequence.expected());
	}

	private static TimelineEntry entry(int n, Event event) {
		EventKind kind = EventKind.ofTypeName(event.type());
		return new TimelineEntry("e" + n, "R-1", kind, T0.plusSeconds(60L * n), "/prolo/test", event.toString(),
				kind.statusAfter(detail(event)));
	}

	/** What the listeners hand to {@link EventKind#statusAfter(String)}. */
	private static String detail(Event event) {
		if (event.outcome() != null) {
			return event.outcome();
		}
		return ("SessionsScheduled".equals(event.type()) && !event.fromWaitingList()) ? null : event.purpose();
	}

}
