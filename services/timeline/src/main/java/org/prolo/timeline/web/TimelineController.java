package org.prolo.timeline.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.prolo.timeline.store.TimelineRecorder;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "timeline", description = "What happened to a referral, and its status")
public class TimelineController {

	static final String TIMELINE_EXAMPLE = """
			{"referralId":"R-1001","status":"COURSE_PLANNED","fhirStatus":"completed","entries":[
			 {"at":"2025-05-02T09:00:00Z","type":"ReferralSubmitted","summary":"Submitted by dr-ada: KNEE_OSTEOARTHRITIS, ROUTINE","source":"/prolo/intake"},
			 {"at":"2025-05-02T14:30:00Z","type":"ReferralTriaged","summary":"Triaged: ACCEPTED by ingrid","source":"/prolo/workflow"},
			 {"at":"2025-05-20T10:00:00Z","type":"ReferralClosed","summary":"Closed: COURSE_PLANNED","source":"/prolo/workflow"}]}""";

	static final String NOT_FOUND_EXAMPLE = """
			{"type":"about:blank","title":"Referral not found","status":404,
			 "detail":"No events of referral R-404 have been recorded","instance":"/api/referrals/R-404/timeline",
			 "referralId":"R-404"}""";

	static final String BAD_ID_EXAMPLE = """
			{"type":"about:blank","title":"Bad Request","status":400,"detail":"Validation failure",
			 "instance":"/api/referrals/R%20%3C1%3E/timeline",
			 "errors":[{"field":"id","message":"must match \\"[A-Za-z0-9._:-]{1,64}\\""}]}""";

	private final TimelineRecorder timelines;

	public TimelineController(TimelineRecorder timelines) {
		this.timelines = timelines;
	}

	@GetMapping(path = "/api/referrals/{id}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "A referral's timeline in the order things happened, with its status and FHIR Task status")
	@ApiResponse(responseCode = "200", description = "The timeline",
			content = @Content(schema = @Schema(implementation = TimelineView.class),
					examples = @ExampleObject(name = "closed with a planned course", value = TIMELINE_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "No event of this referral was recorded",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					examples = @ExampleObject(name = "unknown referral", value = NOT_FOUND_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "Not a referral id",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					examples = @ExampleObject(name = "bad id", value = BAD_ID_EXAMPLE)))
	public TimelineView timeline(@Parameter(description = "Referral id",
			example = "R-1001") @PathVariable @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}") String id) {
		return timelines.timelineOf(id).map(TimelineView::of).orElseThrow(() -> new ReferralNotFoundException(id));
	}

}
