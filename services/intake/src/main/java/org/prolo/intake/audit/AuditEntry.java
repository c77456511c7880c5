package org.prolo.intake.audit;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One row of the audit log: ids and codes only.
 *
 * @param callerId the user id (token subject) or service client id
 * @param referralId null when the request concerned no referral (a list that found none,
 * a submission refused before it had an id)
 * @param outcome the HTTP status the caller was answered
 */
@Schema(name = "AuditEntry")
public record AuditEntry(Instant at, @Schema(example = "dr-ada") String callerId,
		@Schema(example = "referral.read") String action,
		@Schema(example = "R-0f8fad5b-d9cb-469f-a165-70867728950e") String referralId,
		@Schema(example = "200") int outcome) {

}
