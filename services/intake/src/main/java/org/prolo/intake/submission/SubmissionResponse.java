package org.prolo.intake.submission;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import org.prolo.intake.referral.Referral;

/**
 * The answer to a submission: enough to follow the referral, which is at the Location.
 */
@Schema(name = "SubmissionResponse")
public record SubmissionResponse(@Schema(example = "R-0f8fad5b-d9cb-469f-a165-70867728950e") String id,
		@Schema(example = "SUBMITTED") String status, @Schema(example = "requested") String fhirStatus,
		@Schema(description = "The referrer's pseudonym, or the one generated",
				example = "P-1a2b3c4d") String patientPseudonym,
		Instant submittedAt) {

	static SubmissionResponse of(Referral referral) {
		return new SubmissionResponse(referral.id(), referral.status().name(), referral.status().fhirStatus().code(),
				referral.patient().pseudonym(), referral.submittedAt());
	}

}
