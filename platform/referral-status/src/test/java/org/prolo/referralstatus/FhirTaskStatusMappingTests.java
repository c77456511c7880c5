package org.prolo.referralstatus;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FhirTaskStatusMappingTests {

	// The clinic's mapping (docs/api.md, "The status a physician sees"); NO_RESPONSE is
	// cancelled.
	@ParameterizedTest
	@CsvSource({ "SUBMITTED, requested", "TRIAGE, received", "INFO_REQUESTED, on-hold", "ACCEPTED, in-progress",
			"WAITING_FOR_APPOINTMENT, in-progress", "IN_ASSESSMENT, in-progress", "REJECTED, rejected",
			"NOT_SUITABLE, rejected", "WITHDRAWN, cancelled", "COURSE_PLANNED, completed", "NO_RESPONSE, cancelled" })
	void mapsEveryStatusOntoAFhirTaskStatus(ReferralStatus status, String fhirCode) {
		assertThat(status.fhirStatus().code()).isEqualTo(fhirCode);
	}

}
