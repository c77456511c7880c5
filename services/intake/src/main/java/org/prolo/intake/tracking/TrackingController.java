package org.prolo.intake.tracking;

import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.prolo.intake.referral.ReferralPage;
import org.prolo.intake.referral.ReferralQuery;
import org.prolo.referralstatus.ReferralStatus;
import org.prolo.intake.referral.SubmissionPolicy;
import org.prolo.intake.web.Actors;
import org.prolo.intake.web.ProblemExamples;
import org.prolo.intake.web.ReferralView;
import org.prolo.platform.security.Caller;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read side of the referral for referrers, EHRs and the clinic's staff. */
@RestController
@Tag(name = "Referrals")
class TrackingController {

	static final String TOTAL_COUNT = "X-Total-Count";

	private final ReadingReferrals reading;

	TrackingController(ReadingReferrals reading) {
		this.reading = reading;
	}

	@GetMapping(path = "/api/referrals/{id}", produces = "application/json")
	@Operation(summary = "Read a referral with its status",
			description = "For its referring physician and the clinic's staff. `fhirStatus` is the FHIR Task.status "
					+ "code of `status`; `waitingFor` says what it waits for on the clinic's waiting list (EXAM, or "
					+ "COURSE for a planned course's sessions without dates); `openQuestion` is present while a "
					+ "request for information is pending, "
					+ "`outcome` once the referral is closed. Another physician's referral is a 404, as an unknown "
					+ "id is.")
	@ApiResponse(responseCode = "200",
			content = @Content(schema = @Schema(implementation = ReferralView.class),
					examples = @ExampleObject(value = ProblemExamples.REFERRAL)))
	@ApiResponse(responseCode = "404", description = "No referral with this id that the caller may see",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(value = ProblemExamples.NOT_FOUND)))
	ReferralView referral(@PathVariable String id, Caller caller) {
		return ReferralView.of(reading.read(Actors.of(caller), id));
	}

	@GetMapping(path = "/api/referrals", produces = "application/json")
	@Operation(summary = "List a page of a referrer's referrals, newest first",
			description = "A physician gets their own referrals (referrerId may be left out; another referrer's id "
					+ "is a 403); the clinic's staff must name the referrer. `status` keeps one status, `reference` "
					+ "the referrals whose own reference starts with it (case ignored). The " + TOTAL_COUNT
					+ " header gives how many match on all pages.")
	@ApiResponse(responseCode = "200",
			headers = @Header(name = TOTAL_COUNT, description = "Referrals matching on all pages",
					schema = @Schema(type = "integer")),
			content = @Content(array = @ArraySchema(schema = @Schema(implementation = ReferralView.class))))
	@ApiResponse(responseCode = "400",
			description = "referrerId is missing (staff), blank, too long or has control characters; page, size, "
					+ "status or reference out of bounds",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "403", description = "A physician asked for another referrer's referrals",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(value = ProblemExamples.FORBIDDEN)))
	ResponseEntity<List<ReferralView>> referralsOf(
			@Parameter(description = "The referring physician's id; a physician's own by default",
					example = "dr-ada") @RequestParam(required = false) @Size(min = 1,
							max = SubmissionPolicy.MAX_TEXT_LENGTH) @Pattern(
									regexp = "[^\\p{Cntrl}]*[^\\p{Cntrl}\\s][^\\p{Cntrl}]*",
									message = "must not be blank or contain control characters") String referrerId,
			@Parameter(description = "Page number, from 0") @RequestParam(
					defaultValue = "0") @Min(0) @Max(ReferralQuery.MAX_PAGE) int page,
			@Parameter(description = "Referrals per page") @RequestParam(
					defaultValue = "" + ReferralQuery.DEFAULT_SIZE) @Min(1) @Max(ReferralQuery.MAX_SIZE) int size,
			@Parameter(description = "Only referrals in this status",
					example = "INFO_REQUESTED") @RequestParam(required = false) ReferralStatus status,
			@Parameter(description = "Only referrals whose own reference starts with this (case ignored)",
					example = "KNEE-2026") @RequestParam(required = false) @Size(min = 1,
							max = SubmissionPolicy.MAX_REFERENCE_LENGTH) @Pattern(regexp = "[A-Za-z0-9 ._/-]*",
									message = "must be letters, digits, spaces or . _ / -") String reference,
			Caller caller) {
		var query = new ReferralQuery(Optional.ofNullable(status), Optional.ofNullable(reference), page, size);
		ReferralPage found = reading.listOf(Actors.of(caller), Optional.ofNullable(referrerId), query);
		return ResponseEntity.ok()
			.header(TOTAL_COUNT, Long.toString(found.total()))
			.body(found.referrals().stream().map(ReferralView::of).toList());
	}

}
