package org.prolo.timeline.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.prolo.referralstatus.ReferralStatus;

/**
 * The measured stages of a referral. A stage lasts from the latest event that opens it to
 * the first event that closes it, among the closers after its first opener; a stage with
 * no closer yet (still open, or skipped, or ended by a closing of the referral) has no
 * duration.
 */
public enum Stage {

	/**
	 * From submission to the triage decision (ACCEPTED or REJECTED); includes waiting for
	 * requested information.
	 */
	TRIAGE("triage", is(EventKind.REFERRAL_SUBMITTED),
			e -> e.kind() == EventKind.REFERRAL_TRIAGED
					&& (e.statusAfter() == ReferralStatus.ACCEPTED || e.statusAfter() == ReferralStatus.REJECTED)),

	/** From acceptance to the recorded pain history. */
	HISTORY("history", e -> e.kind() == EventKind.REFERRAL_TRIAGED && e.statusAfter() == ReferralStatus.ACCEPTED,
			is(EventKind.HISTORY_RECORDED)),

	/** From the recorded history to the completed physical exam. */
	EXAM("exam", is(EventKind.HISTORY_RECORDED), is(EventKind.EXAM_COMPLETED)),

	/** From the imaging request to its report, for referrals that needed imaging. */
	IMAGING("imaging", is(EventKind.IMAGING_REQUESTED), is(EventKind.IMAGING_REPORTED)),

	/**
	 * From the exam, or the imaging report when later, to the clinician's suitability
	 * decision.
	 */
	SUITABILITY("suitability", is(EventKind.EXAM_COMPLETED).or(is(EventKind.IMAGING_REPORTED)),
			is(EventKind.SUITABILITY_DECIDED)),

	/** From the suitability decision to the planned course. */
	COURSE_PLANNING("course planning", is(EventKind.SUITABILITY_DECIDED), is(EventKind.COURSE_PLANNED));

	private final String label;

	private final Predicate<TimelineEntry> opens;

	private final Predicate<TimelineEntry> closes;

	Stage(String label, Predicate<TimelineEntry> opens, Predicate<TimelineEntry> closes) {
		this.label = label;
		this.opens = opens;
		this.closes = closes;
	}

	public String label() {
		return label;
	}

	/** How long this stage took in one referral's timeline, if it was completed. */
	public Optional<Duration> durationIn(List<TimelineEntry> timeline) {
		return completionIn(timeline).map(Completion::took);
	}

	/**
	 * When this stage was completed in one referral's timeline and how long it took, if
	 * it was.
	 */
	public Optional<Completion> completionIn(List<TimelineEntry> timeline) {
		List<TimelineEntry> ordered = timeline.stream().sorted(TrackingStatus.IN_TIME_ORDER).toList();
		Optional<TimelineEntry> firstOpener = ordered.stream().filter(opens).findFirst();
		if (firstOpener.isEmpty()) {
			return Optional.empty();
		}
		Optional<TimelineEntry> closer = ordered.stream()
			.filter(closes)
			.filter(e -> !e.occurredAt().isBefore(firstOpener.get().occurredAt()))
			.findFirst();
		if (closer.isEmpty()) {
			return Optional.empty();
		}
		TimelineEntry opener = ordered.stream()
			.filter(opens)
			.filter(e -> !e.occurredAt().isAfter(closer.get().occurredAt()))
			.reduce((earlier, later) -> later)
			.orElseThrow();
		return Optional.of(new Completion(closer.get().occurredAt(),
				Duration.between(opener.occurredAt(), closer.get().occurredAt())));
	}

	/**
	 * A completed stage: when the event that closed it happened, and how long it took.
	 */
	public record Completion(Instant completedAt, Duration took) {
	}

	private static Predicate<TimelineEntry> is(EventKind kind) {
		return e -> e.kind() == kind;
	}

}
