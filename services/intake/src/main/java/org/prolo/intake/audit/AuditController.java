package org.prolo.intake.audit;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.prolo.platform.security.problems.FieldProblem;
import org.prolo.platform.security.problems.InvalidRequestException;

import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for clinic leads (the access rules admit no one else). */
@RestController
@Tag(name = "Audit", description = "Who read or changed which referral (clinic leads only)")
class AuditController {

	static final int LIMIT = 1000;

	private final AuditLog entries;

	private final AuditTrail trail;

	AuditController(AuditLog entries, AuditTrail trail) {
		this.entries = entries;
		this.trail = trail;
	}

	@GetMapping(path = "/api/audit", produces = "application/json")
	@Operation(summary = "Read the audit log of a referral or of a caller, newest first (at most 1000 rows)",
			description = "One row per request and referral: when, who (user or client id), what (e.g. "
					+ "referral.read, referral.withdraw, fhir.service-request.create), which referral and the HTTP "
					+ "status answered. Ids only, never patient data. Reading the log is itself logged.")
	@ApiResponse(responseCode = "200",
			content = @Content(array = @ArraySchema(schema = @Schema(implementation = AuditEntry.class))))
	@ApiResponse(responseCode = "400", description = "Neither referralId nor callerId given",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "403", description = "Not a clinic lead",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	List<AuditEntry> entries(
			@Parameter(example = "R-0f8fad5b-d9cb-469f-a165-70867728950e") @RequestParam(required = false) @Size(
					min = 1, max = 64) String referralId,
			@Parameter(example = "dr-ada") @RequestParam(required = false) @Size(min = 1, max = 200) String callerId) {
		if (referralId == null && callerId == null) {
			throw new InvalidRequestException(List.of(new FieldProblem("referralId", "give referralId or callerId")));
		}
		trail.concerning(referralId);
		return entries.find(referralId, callerId, LIMIT);
	}

}
