package org.prolo.intake.withdrawal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.prolo.intake.web.Actors;
import org.prolo.intake.web.ProblemExamples;
import org.prolo.intake.web.ReferralView;
import org.prolo.platform.security.Caller;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST adapter of {@link WithdrawingReferral}. */
@RestController
@Tag(name = "Referrals")
class WithdrawalController {

	private final WithdrawingReferral withdrawing;

	WithdrawalController(WithdrawingReferral withdrawing) {
		this.withdrawing = withdrawing;
	}

	@PostMapping(path = "/api/referrals/{id}/withdrawal", produces = "application/json")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Withdraw a referral",
			description = "By its referring physician only. The referral is WITHDRAWN at once and ReferralWithdrawn "
					+ "is published; the clinic's workflow then cancels its open tasks. The body is optional.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
			content = @Content(schema = @Schema(implementation = WithdrawalRequest.class),
					examples = @ExampleObject(value = "{\"reason\":\"Patient moved to another region\"}")))
	@ApiResponse(responseCode = "202", description = "Withdrawn; the referral as it is now",
			content = @Content(schema = @Schema(implementation = ReferralView.class)))
	@ApiResponse(responseCode = "403", description = "Not a physician (the clinic's staff read referrals only)",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "No referral with this id that is the caller's",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(value = ProblemExamples.NOT_FOUND)))
	@ApiResponse(responseCode = "409", description = "The referral is already closed",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(value = ProblemExamples.CONFLICT)))
	@ApiResponse(responseCode = "400", description = "Malformed body or a reason too long",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	ReferralView withdraw(@PathVariable String id, @Valid @RequestBody(required = false) WithdrawalRequest request,
			Caller caller) {
		String reason = (request != null) ? request.reason() : null;
		return ReferralView.of(withdrawing.withdraw(Actors.of(caller), id, reason));
	}

	/**
	 * @param reason optional free text from the referrer
	 */
	record WithdrawalRequest(@Size(max = 2000) String reason) {

		@Override
		public String toString() {
			return "WithdrawalRequest[...]";
		}

	}

}
