package org.prolo.intake.information;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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

/** REST adapter of {@link AnsweringInformationRequest}. */
@RestController
@Tag(name = "Referrals")
class InformationController {

	private final AnsweringInformationRequest answering;

	InformationController(AnsweringInformationRequest answering) {
		this.answering = answering;
	}

	@PostMapping(path = "/api/referrals/{id}/information", consumes = "application/json", produces = "application/json")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Answer the clinic's request for more information",
			description = "By its referring physician only, while the referral is INFO_REQUESTED; publishes "
					+ "ReferralInfoProvided and the referral goes back to TRIAGE.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(schema = @Schema(implementation = InformationAnswer.class),
					examples = @ExampleObject(
							value = "{\"answer\":\"X-ray from March attached: Kellgren-Lawrence grade 2.\"}")))
	@ApiResponse(responseCode = "202", description = "Answer passed on; the referral as it is now",
			content = @Content(schema = @Schema(implementation = ReferralView.class)))
	@ApiResponse(responseCode = "400",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(value = ProblemExamples.INVALID)))
	@ApiResponse(responseCode = "403", description = "Not a physician (the clinic's staff read referrals only)",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "No referral with this id that is the caller's",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(value = ProblemExamples.NOT_FOUND)))
	@ApiResponse(responseCode = "409", description = "No request for information is pending",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(value = ProblemExamples.CONFLICT)))
	ReferralView answer(@PathVariable String id, @Valid @RequestBody InformationAnswer body, Caller caller) {
		return ReferralView.of(answering.answer(Actors.of(caller), id, body.answer()));
	}

	record InformationAnswer(@NotBlank @Size(max = 2000) String answer) {

		@Override
		public String toString() {
			return "InformationAnswer[...]";
		}

	}

}
