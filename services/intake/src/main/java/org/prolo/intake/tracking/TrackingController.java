package org.prolo.intake.tracking;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.prolo.intake.referral.ReferralNotFoundException;
import org.prolo.intake.referral.Referrals;
import org.prolo.intake.referral.SubmissionPolicy;
import org.prolo.intake.web.ProblemExamples;
import org.prolo.intake.web.ReferralView;

import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read side of the referral for referrers and EHRs. */
@RestController
@Tag(name = "Referrals")
class TrackingController {

	private final Referrals referrals;

	TrackingController(Referrals referrals) {
		this.referrals = referrals;
	}

	@GetMapping(path = "/api/referrals/{id}", produces = "application/json")
	@Operation(summary = "Read a referral with its status",
			description = "`fhirStatus` is the FHIR Task.status code of `status`; `openQuestion` is present while "
					+ "a request for information is pending, `outcome` once the referral is closed.")
	@ApiResponse(responseCode = "200",
			content = @Content(schema = @Schema(implementation = ReferralView.class),
					examples = @ExampleObject(value = ProblemExamples.REFERRAL)))
	@ApiResponse(responseCode = "404", description = "No referral with this id",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(value = ProblemExamples.NOT_FOUND)))
	ReferralView referral(@PathVariable String id) {
		return referrals.findById(id).map(ReferralView::of).orElseThrow(() -> new ReferralNotFoundException(id));
	}

	@GetMapping(path = "/api/referrals", produces = "application/json")
	@Operation(summary = "List a referrer's referrals, newest first")
	@ApiResponse(responseCode = "200",
			content = @Content(array = @ArraySchema(schema = @Schema(implementation = ReferralView.class))))
	@ApiResponse(responseCode = "400", description = "referrerId is missing, blank, too long or has control characters",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	List<ReferralView> referralsOf(
			@Parameter(description = "The referring physician's id", example = "dr-ada") @RequestParam @NotBlank @Size(
					max = SubmissionPolicy.MAX_TEXT_LENGTH) @Pattern(regexp = "\\P{Cntrl}*",
							message = "must not contain control characters") String referrerId) {
		return referrals.findByReferrerId(referrerId).stream().map(ReferralView::of).toList();
	}

}
