package org.prolo.intake.tracking;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A referral's timeline as the timeline service keeps it: what happened, in order, with
 * the status it led to.
 */
@Schema(name = "ReferralTimeline")
public record ReferralTimeline(@Schema(example = "R-0f8fad5b-d9cb-469f-a165-70867728950e") String referralId,
		@Schema(example = "ACCEPTED") String status,
		@Schema(description = "FHIR R4 Task.status code of the status", example = "in-progress") String fhirStatus,
		List<Entry> entries) {

	/**
	 * @param at when it happened
	 * @param type the event, e.g. ReferralTriaged
	 * @param source the service that reported it, e.g. /prolo/workflow
	 */
	public record Entry(Instant at, @Schema(example = "ReferralTriaged") String type,
			@Schema(example = "Triaged: ACCEPTED by ingrid") String summary,
			@Schema(example = "/prolo/workflow") String source) {
	}

}
