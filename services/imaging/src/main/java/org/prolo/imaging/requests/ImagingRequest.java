package org.prolo.imaging.requests;

import java.time.Instant;

/** What the imaging service needs from an ImagingRequested event. */
public record ImagingRequest(String referralId, String patientPseudonym, String modality, String bodyRegion,
		String clinicalQuestion, Instant requestedAt) {
}
