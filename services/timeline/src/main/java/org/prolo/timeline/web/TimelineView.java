package org.prolo.timeline.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.prolo.timeline.store.TimelineRecorder.Timeline;

/**
 * @param status the referral's status, null while no event has set one
 * @param fhirStatus the FHIR Task status code of the status
 */
public record TimelineView(String referralId, String status,
		@Schema(description = "FHIR R4 Task.status code", example = "in-progress") String fhirStatus,
		List<Entry> entries) {

	static TimelineView of(Timeline timeline) {
		return new TimelineView(timeline.referralId(), (timeline.status() != null) ? timeline.status().name() : null,
				(timeline.status() != null) ? timeline.status().fhirStatus().code() : null,
				timeline.entries()
					.stream()
					.map(e -> new Entry(e.occurredAt(), e.kind().typeName(), e.summary(), e.source()))
					.toList());
	}

	/**
	 * @param at when the event occurred (its CloudEvents time)
	 * @param source the producing service
	 */
	public record Entry(Instant at, String type, String summary, String source) {
	}

}
