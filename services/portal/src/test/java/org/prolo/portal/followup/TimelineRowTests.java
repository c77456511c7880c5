package org.prolo.portal.followup;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineRowTests {

	@Test
	void namesAnEventInWords() {
		assertThat(TimelineRow.words("ReferralInfoRequested")).isEqualTo("Referral info requested");
		assertThat(TimelineRow.words("SessionsScheduled")).isEqualTo("Sessions scheduled");
		assertThat(TimelineRow.words(null)).isEqualTo("Event");
	}

}
