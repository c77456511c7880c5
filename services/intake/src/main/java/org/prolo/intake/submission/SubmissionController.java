package org.prolo.intake.submission;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.prolo.intake.web.Actors;
import org.prolo.platform.security.problems.FieldProblem;
import org.prolo.platform.security.problems.InvalidRequestException;
import org.prolo.intake.web.ProblemExamples;
import org.prolo.intake.web.IntakeProblems;
import org.prolo.platform.security.problems.Problems;
import org.prolo.platform.security.Caller;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** REST adapter of {@link SubmittingReferral}. */
@RestController
@Tag(name = "Referrals", description = "Referrals for prolotherapy, as a referring physician sees them")
class SubmissionController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

	private static final int MAX_KEY_LENGTH = 200;

	private final SubmittingReferral submitting;

	private final SubmissionHash hash;

	SubmissionController(SubmittingReferral submitting, ObjectMapper json) {
		this.submitting = submitting;
		this.hash = new SubmissionHash(json);
	}

	@PostMapping(path = "/api/referrals", consumes = "application/json", produces = "application/json")
	@Operation(summary = "Submit a referral",
			description = "For physicians, in their own name: the referrer is the signed-in physician, with the "
					+ "access token's `sub`, `name` and `email`; `referrer` and each of its parts may be left out, "
					+ "and a part that is given must be the token's (else 403 naming it). "
					+ "Validates and stores the referral and publishes ReferralSubmitted (with the patient's "
					+ "pseudonym only). Send an Idempotency-Key to make retries safe: the same key with the same "
					+ "body answers with the same referral and `Idempotent-Replayed: true`, and does not count "
					+ "against the physician's rate limit.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(schema = @Schema(implementation = SubmitReferralRequest.class),
					examples = @ExampleObject(name = "knee", value = Examples.REQUEST)))
	@ApiResponse(responseCode = "201", description = "Created (or replayed)",
			headers = { @Header(name = "Location", description = "/api/referrals/{id}"),
					@Header(name = IDEMPOTENT_REPLAYED,
							description = "true when an earlier request with this key created it") },
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = SubmissionResponse.class),
					examples = @ExampleObject(value = Examples.RESPONSE)))
	@ApiResponse(responseCode = "400", description = "Invalid request: every bad field is listed in errors",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(value = Examples.INVALID)))
	@ApiResponse(responseCode = "403",
			description = "referrer.id, referrer.name or referrer.email is not the signed-in physician's, or not a physician",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(value = ProblemExamples.FORBIDDEN)))
	@ApiResponse(responseCode = "429", description = "The physician submitted too many referrals; see Retry-After",
			headers = @Header(name = HttpHeaders.RETRY_AFTER, description = "seconds until the next one is taken"),
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(value = ProblemExamples.TOO_MANY_SUBMISSIONS)))
	@ApiResponse(responseCode = "422", description = "The Idempotency-Key was used before with a different body",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(value = Examples.KEY_REUSED)))
	ResponseEntity<SubmissionResponse> submit(@Valid @RequestBody SubmitReferralRequest request,
			@Parameter(in = ParameterIn.HEADER,
					description = "Recommended: a unique key per referral, at most 200 characters",
					example = "7d0c3c1e-5a57-4a53-9a0e-0b1f4bb7d8e2") @RequestHeader(name = IDEMPOTENCY_KEY,
							required = false) String idempotencyKey,
			Caller caller) {
		Optional<String> key = Optional.ofNullable(idempotencyKey);
		if (key.isPresent() && (key.get().isBlank() || key.get().length() > MAX_KEY_LENGTH)) {
			throw new InvalidRequestException(List
				.of(new FieldProblem(IDEMPOTENCY_KEY, "must be 1 to " + MAX_KEY_LENGTH + " non-blank characters")));
		}
		SubmitReferralRequest own = request.inNameOf(Actors.referrerOf(caller));
		Submission submission = submitting.submit(Actors.of(caller), own.toDraft(), key, hash.of(own));
		var response = ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/referrals/" + submission.referral().id()));
		if (submission.replayed()) {
			response.header(IDEMPOTENT_REPLAYED, "true");
		}
		return response.body(SubmissionResponse.of(submission.referral()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReusedException ex) {
		return ResponseEntity.unprocessableEntity()
			.body(Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, IntakeProblems.IDEMPOTENCY_KEY_REUSED,
					"Idempotency-Key reused", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooMany(SubmissionRateLimitedException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, IntakeProblems.TOO_MANY_SUBMISSIONS,
				"Too many submissions", ex.getMessage());
		problem.setProperty("retryAfterSeconds", ex.retryAfterSeconds());
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()))
			.body(problem);
	}

	static final class Examples {

		static final String REQUEST = """
				{"referrer":{"id":"dr-ada","name":"Dr Ada Lovelace","email":"ada@referrers.example"},
				 "patient":{"pseudonym":"P-1a2b3c4d","name":"Demo Patient 1","birthDate":"1970-01-01","address":"1 Demo Street"},
				 "condition":"KNEE_OSTEOARTHRITIS","bodySite":"left knee","painDurationMonths":9,"priorConservativeCare":true,
				 "anticoagulated":false,"allergyToInjectate":false,"pregnant":false,"uncontrolledDiabetes":false,
				 "activeInfectionAtSite":false,"malignancyAtSite":false,"urgency":"ROUTINE","notes":"free text"}
				""";

		static final String RESPONSE = """
				{"id":"R-0f8fad5b-d9cb-469f-a165-70867728950e","status":"SUBMITTED","fhirStatus":"requested",
				 "patientPseudonym":"P-1a2b3c4d","submittedAt":"2025-01-15T09:30:00.123Z"}
				""";

		static final String INVALID = """
				{"type":"https://prolo.example/problems/invalid-request","title":"Invalid request","status":400,
				 "detail":"2 field(s) are invalid.","instance":"/api/referrals",
				 "errors":[{"field":"referrer.email","message":"must be a well-formed email address"},
				           {"field":"condition","message":"must be one of [LOW_BACK_PAIN, ..., OTHER]"}]}
				""";

		static final String KEY_REUSED = """
				{"type":"https://prolo.example/problems/idempotency-key-reused","title":"Idempotency-Key reused",
				 "status":422,"detail":"This Idempotency-Key was already used with a different request",
				 "instance":"/api/referrals"}
				""";

		private Examples() {
		}

	}

}
