package org.prolo.intake.referral;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.prolo.intake.referral.ReferralAccess.Decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferralAccessTests {

	static final Actor ADA = new Actor("dr-ada", true, false);

	static final Actor BEN = new Actor("dr-ben", true, false);

	static final Actor INGRID = new Actor("ingrid", false, true);

	static final Actor CLIENT = new Actor("workflow", false, false);

	/** A clinician who also refers patients to the clinic. */
	static final Actor REFERRING_CLINICIAN = new Actor("dr-clin", true, true);

	final Referral adas = Referral.submit("R-1", Drafts.valid(), "P-00000000", Instant.parse("2025-01-15T09:30:00Z"));

	@Test
	void theReferrerAndStaffReadAReferralAndNobodyElseLearnsItExists() {
		assertThat(ReferralAccess.toRead(ADA, adas)).isEqualTo(Decision.ALLOWED);
		assertThat(ReferralAccess.toRead(INGRID, adas)).isEqualTo(Decision.ALLOWED);
		assertThat(ReferralAccess.toRead(REFERRING_CLINICIAN, adas)).isEqualTo(Decision.ALLOWED);
		assertThat(ReferralAccess.toRead(BEN, adas)).isEqualTo(Decision.HIDDEN);
		assertThat(ReferralAccess.toRead(CLIENT, adas)).isEqualTo(Decision.HIDDEN);
		assertThatThrownBy(() -> ReferralAccess.readableBy(BEN, adas)).isInstanceOf(ReferralNotFoundException.class)
			.hasMessage(new ReferralNotFoundException("R-1").getMessage());
	}

	@Test
	void onlyTheReferrerChangesAReferralAndStaffAreToldNo() {
		assertThat(ReferralAccess.toChange(ADA, adas)).isEqualTo(Decision.ALLOWED);
		assertThat(ReferralAccess.toChange(INGRID, adas)).isEqualTo(Decision.FORBIDDEN);
		assertThat(ReferralAccess.toChange(REFERRING_CLINICIAN, adas)).isEqualTo(Decision.FORBIDDEN);
		assertThat(ReferralAccess.toChange(BEN, adas)).isEqualTo(Decision.HIDDEN);
		assertThat(ReferralAccess.toChange(CLIENT, adas)).isEqualTo(Decision.HIDDEN);
		assertThat(ReferralAccess.changeableBy(ADA, adas)).isSameAs(adas);
		assertThatThrownBy(() -> ReferralAccess.changeableBy(INGRID, adas))
			.isInstanceOf(ReferralAccessDeniedException.class);
		assertThatThrownBy(() -> ReferralAccess.changeableBy(BEN, adas)).isInstanceOf(ReferralNotFoundException.class);
	}

	@Test
	void aPhysicianSubmitsAndListsInTheirOwnNameOnly() {
		assertThat(ReferralAccess.toSubmitAs(ADA, "dr-ada")).isEqualTo(Decision.ALLOWED);
		assertThat(ReferralAccess.toSubmitAs(ADA, "dr-ben")).isEqualTo(Decision.FORBIDDEN);
		assertThat(ReferralAccess.toSubmitAs(INGRID, "ingrid")).as("staff do not refer").isEqualTo(Decision.FORBIDDEN);
		assertThat(ReferralAccess.toList(ADA, "dr-ada")).isEqualTo(Decision.ALLOWED);
		assertThat(ReferralAccess.toList(ADA, "dr-ben")).isEqualTo(Decision.FORBIDDEN);
		assertThat(ReferralAccess.toList(INGRID, "dr-ben")).isEqualTo(Decision.ALLOWED);
		assertThat(ReferralAccess.toList(CLIENT, "dr-ben")).isEqualTo(Decision.FORBIDDEN);
	}

}
