package org.prolo.intake.referral;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SubmissionPolicyTests {

	static final LocalDate TODAY = LocalDate.of(2025, 1, 15);

	@Test
	void acceptsAValidDraft() {
		assertThat(SubmissionPolicy.violationsOf(Drafts.valid(), TODAY)).isEmpty();
	}

	@Test
	void namesEveryMissingFieldOnce() {
		var empty = new ReferralDraft(null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, null);

		assertThat(SubmissionPolicy.violationsOf(empty, TODAY)).extracting(Violation::field)
			.containsExactly("referrer.id", "referrer.name", "referrer.email", "patient.name", "patient.birthDate",
					"patient.address", "condition", "bodySite", "painDurationMonths", "priorConservativeCare",
					"anticoagulated", "allergyToInjectate", "pregnant", "uncontrolledDiabetes", "activeInfectionAtSite",
					"malignancyAtSite", "urgency");
	}

	@ParameterizedTest
	@EnumSource(Condition.class)
	void acceptsEachOfThePolicysThirteenConditions(Condition condition) {
		assertThat(Condition.values()).hasSize(13);
		assertThat(SubmissionPolicy.isPolicyCondition(condition.name())).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "FROZEN_SHOULDER", "knee_osteoarthritis", "" })
	void rejectsAConditionOutsideThePolicy(String condition) {
		assertThat(SubmissionPolicy.isPolicyCondition(condition)).isFalse();
	}

	@Test
	void acceptsAnOwnReferenceOfLettersDigitsAndSeparatorsOnly() {
		for (String good : new String[] { "KNEE-2026-0042", "a", "case 7/2026_b.1", "x".repeat(40) }) {
			assertThat(SubmissionPolicy.violationsOf(withReference(good), TODAY)).as(good).isEmpty();
		}
		for (String bad : new String[] { "", " KNEE", "-1", "50%", "x".repeat(41), "name\nline", "Zoë" }) {
			assertThat(SubmissionPolicy.violationsOf(withReference(bad), TODAY)).as(bad)
				.extracting(Violation::field)
				.containsExactly("referrerReference");
		}
	}

	private static ReferralDraft withReference(String reference) {
		var d = Drafts.valid();
		return new ReferralDraft(d.referrerId(), d.referrerName(), d.referrerEmail(), d.patientPseudonym(),
				d.patientName(), d.patientBirthDate(), d.patientAddress(), d.condition(), d.bodySite(),
				d.painDurationMonths(), d.priorConservativeCare(), d.anticoagulated(), d.allergyToInjectate(),
				d.pregnant(), d.uncontrolledDiabetes(), d.activeInfectionAtSite(), d.malignancyAtSite(), d.urgency(),
				d.notes(), reference);
	}

	@Test
	void namesEveryBrokenRuleOfAPresentValue() {
		var d = Drafts.valid();
		var bad = new ReferralDraft(d.referrerId(), d.referrerName(), "not-an-email", "Jane Doe", d.patientName(),
				TODAY, d.patientAddress(), "FROZEN_SHOULDER", d.bodySite(), 601, true, false, false, false, false,
				false, false, "SOON", "x".repeat(2001));

		assertThat(SubmissionPolicy.violationsOf(bad, TODAY)).extracting(Violation::field)
			.containsExactly("referrer.email", "patient.pseudonym", "patient.birthDate", "condition",
					"painDurationMonths", "urgency", "notes");
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 3, 600 })
	void acceptsPainDurationsWithinRange(int months) {
		assertThat(SubmissionPolicy.violationsOf(withPainDuration(months), TODAY)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(ints = { -1, 601 })
	void rejectsPainDurationsOutOfRange(int months) {
		assertThat(SubmissionPolicy.violationsOf(withPainDuration(months), TODAY)).extracting(Violation::field)
			.containsExactly("painDurationMonths");
	}

	@Test
	void rejectsABlankName() {
		var d = Drafts.valid();
		var blank = new ReferralDraft(d.referrerId(), "  ", d.referrerEmail(), d.patientPseudonym(), d.patientName(),
				d.patientBirthDate(), d.patientAddress(), d.condition(), d.bodySite(), d.painDurationMonths(), true,
				false, false, false, false, false, false, "URGENT", null);

		assertThat(SubmissionPolicy.violationsOf(blank, TODAY))
			.containsExactly(new Violation("referrer.name", "must not be blank"));
	}

	private static ReferralDraft withPainDuration(int months) {
		var d = Drafts.valid();
		return new ReferralDraft(d.referrerId(), d.referrerName(), d.referrerEmail(), d.patientPseudonym(),
				d.patientName(), d.patientBirthDate(), d.patientAddress(), d.condition(), d.bodySite(), months, true,
				false, false, false, false, false, false, "ROUTINE", null);
	}

}
