package org.prolo.imaging.order;

import java.time.Instant;
import java.util.Objects;

/**
 * One imaging order on the radiology worklist, opened from the clinician's request and
 * reported once.
 *
 * @param findings null while the order is open
 */
public record ImagingOrder(String id, String referralId, String patientPseudonym, Modality modality, String bodyRegion,
		String clinicalQuestion, Instant requestedAt, OrderStatus status, Instant reportedAt, Findings findings) {

	static final int MAX_BODY_REGION = 200;

	static final int MAX_CLINICAL_QUESTION = 4000;

	public ImagingOrder {
		requireText(id, "id", 64);
		requireText(referralId, "referralId", 64);
		requireText(patientPseudonym, "patientPseudonym", 64);
		Objects.requireNonNull(modality, "modality");
		requireText(bodyRegion, "bodyRegion", MAX_BODY_REGION);
		requireText(clinicalQuestion, "clinicalQuestion", MAX_CLINICAL_QUESTION);
		Objects.requireNonNull(requestedAt, "requestedAt");
		Objects.requireNonNull(status, "status");
		if ((status == OrderStatus.REPORTED) != (findings != null && reportedAt != null)) {
			throw new IllegalArgumentException(
					"A reported order has findings and a report time; an open one has neither");
		}
	}

	/** Opens an order for a clinician's imaging request. */
	public static ImagingOrder open(String id, String referralId, String patientPseudonym, Modality modality,
			String bodyRegion, String clinicalQuestion, Instant requestedAt) {
		return new ImagingOrder(id, referralId, patientPseudonym, modality, bodyRegion, clinicalQuestion, requestedAt,
				OrderStatus.OPEN, null, null);
	}

	/**
	 * Records radiology's findings.
	 * @throws OrderAlreadyReportedException when the order was reported before
	 */
	public ImagingOrder report(Findings reportFindings, Instant at) {
		Objects.requireNonNull(reportFindings, "findings");
		if (status == OrderStatus.REPORTED) {
			throw new OrderAlreadyReportedException(id);
		}
		if (status == OrderStatus.CLOSED) {
			throw new OrderClosedException(id);
		}
		return new ImagingOrder(id, referralId, patientPseudonym, modality, bodyRegion, clinicalQuestion, requestedAt,
				OrderStatus.REPORTED, at, reportFindings);
	}

	/**
	 * Takes an open order off the worklist unreported, because its referral closed.
	 * @return the closed order; the same order when it was not open
	 */
	public ImagingOrder close() {
		if (status != OrderStatus.OPEN) {
			return this;
		}
		return new ImagingOrder(id, referralId, patientPseudonym, modality, bodyRegion, clinicalQuestion, requestedAt,
				OrderStatus.CLOSED, null, null);
	}

	/** The fact to publish once the report is stored. */
	public OrderReported reported(String eventId) {
		if (status != OrderStatus.REPORTED) {
			throw new IllegalStateException("Order " + id + " is not reported");
		}
		return new OrderReported(eventId, id, referralId, reportedAt, findings);
	}

	private static void requireText(String value, String name, int maxLength) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
		if (value.length() > maxLength) {
			throw new IllegalArgumentException(name + " must be at most " + maxLength + " characters");
		}
	}

}
