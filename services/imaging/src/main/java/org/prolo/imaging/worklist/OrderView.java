package org.prolo.imaging.worklist;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import org.prolo.imaging.order.Findings;
import org.prolo.imaging.order.ImagingOrder;

/** An imaging order as the worklist shows it. */
@Schema(description = "An imaging order on the radiology worklist")
record OrderView(String id, String referralId, String patientPseudonym, @Schema(allowableValues = {
		"XRAY", "ULTRASOUND", "MRI" }) String modality, String bodyRegion, String clinicalQuestion, Instant requestedAt,
		@Schema(allowableValues = { "OPEN", "REPORTED", "CLOSED" }) String status,
		@Schema(nullable = true) Instant reportedAt, @Schema(nullable = true) FindingsView findings){

	static OrderView of(ImagingOrder order) {
		return new OrderView(order.id(), order.referralId(), order.patientPseudonym(), order.modality().name(),
				order.bodyRegion(), order.clinicalQuestion(), order.requestedAt(), order.status().name(),
				order.reportedAt(), (order.findings() != null) ? FindingsView.of(order.findings()) : null);
	}

	record FindingsView(boolean redFlag, String redFlagKind, boolean fullThicknessTear, Integer osteoarthritisGrade,
			String report) {

		static FindingsView of(Findings findings) {
			return new FindingsView(findings.redFlag(),
					(findings.redFlagKind() != null) ? findings.redFlagKind().name() : null,
					findings.fullThicknessTear(), findings.osteoarthritisGrade(), findings.report());
		}

	}

}
