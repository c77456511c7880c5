package org.prolo.imaging.worklist;

import io.swagger.v3.oas.annotations.media.Schema;
import org.prolo.imaging.order.Findings;

/**
 * A radiology report as sent by the client. Fields are loosely typed on purpose: the
 * domain checks them all together and names every bad one.
 */
@Schema(description = "Radiology findings for an imaging order")
record ReportRequest(
		@Schema(description = "Fracture, tumour, infection or inflammatory arthritis seen",
				requiredMode = Schema.RequiredMode.REQUIRED, example = "false") Boolean redFlag,
		@Schema(description = "Required when redFlag is true, absent otherwise", nullable = true, allowableValues = {
				"FRACTURE", "TUMOUR", "INFECTION", "INFLAMMATORY_ARTHRITIS" }) String redFlagKind,
		@Schema(description = "Complete tendon or ligament tear", requiredMode = Schema.RequiredMode.REQUIRED,
				example = "false") Boolean fullThicknessTear,
		@Schema(description = "Kellgren-Lawrence grade 0-4; null when not graded", nullable = true, minimum = "0",
				maximum = "4", example = "2") Integer osteoarthritisGrade,
		@Schema(description = "Free-text report", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 8000,
				example = "Moderate medial joint space narrowing, small osteophytes.") String report){

	Findings toFindings() {
		return Findings.of(redFlag, redFlagKind, fullThicknessTear, osteoarthritisGrade, report);
	}

}
