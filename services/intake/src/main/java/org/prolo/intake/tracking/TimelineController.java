package org.prolo.intake.tracking;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.prolo.intake.web.Actors;
import org.prolo.intake.web.ProblemExamples;
import org.prolo.platform.security.Caller;

import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** REST adapter of {@link ReadingTimeline}. */
@RestController
@Tag(name = "Referrals")
class TimelineController {

	static final String TIMELINE = """
			{"referralId":"R-0f8fad5b-d9cb-469f-a165-70867728950e","status":"ACCEPTED","fhirStatus":"in-progress",
			 "entries":[
			  {"at":"2025-05-02T09:00:00Z","type":"ReferralSubmitted","summary":"Submitted by dr-ada: KNEE_OSTEOARTHRITIS, ROUTINE","source":"/prolo/intake"},
			  {"at":"2025-05-02T14:30:00Z","type":"ReferralTriaged","summary":"Triaged: ACCEPTED by ingrid","source":"/prolo/workflow"}]}
			""";

	static final String UNAVAILABLE = """
			{"type":"https://prolo.example/problems/timeline-unavailable","title":"Timeline unavailable","status":503,
			 "detail":"the timeline service could not be reached","instance":"/api/referrals/R-0f8fad5b-d9cb-469f-a165-70867728950e/timeline"}
			""";

	private final ReadingTimeline reading;

	TimelineController(ReadingTimeline reading) {
		this.reading = reading;
	}

	@GetMapping(path = "/api/referrals/{id}/timeline", produces = "application/json")
	@Operation(summary = "Read what happened to a referral, in order",
			description = "For its referring physician and the clinic's staff, from the timeline service. Until "
					+ "the timeline has recorded the referral's first event the entries are empty and the status is "
					+ "intake's.")
	@ApiResponse(responseCode = "200",
			content = @Content(schema = @Schema(implementation = ReferralTimeline.class),
					examples = @ExampleObject(value = TIMELINE)))
	@ApiResponse(responseCode = "404", description = "No referral with this id that the caller may see",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(value = ProblemExamples.NOT_FOUND)))
	@ApiResponse(responseCode = "503", description = "The timeline service is down, slow or refused intake",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(value = UNAVAILABLE)))
	ReferralTimeline timeline(@PathVariable String id, Caller caller) {
		return reading.timelineOf(Actors.of(caller), id);
	}

}
