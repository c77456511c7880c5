package org.prolo.imaging.order;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FindingsTests {

	@Test
	void acceptsRedFlagWithItsKind() {
		Findings findings = Findings.of(true, "FRACTURE", false, null, "Undisplaced fracture.");

		assertThat(findings.redFlag()).isTrue();
		assertThat(findings.redFlagKind()).isEqualTo(RedFlagKind.FRACTURE);
	}

	@Test
	void acceptsNormalFindingWithEveryGradeFromZeroToFour() {
		for (int grade = 0; grade <= 4; grade++) {
			assertThat(Findings.of(false, null, false, grade, "OA").osteoarthritisGrade()).isEqualTo(grade);
		}
		assertThat(Findings.of(false, null, true, null, "Tear.").osteoarthritisGrade()).isNull();
	}

	@Test
	void requiresKindWhenRedFlag() {
		assertThatExceptionOfType(InvalidFindingsException.class)
			.isThrownBy(() -> Findings.of(true, null, false, 1, "text"))
			.satisfies(
					ex -> assertThat(ex.violations()).extracting(FieldViolation::field).containsExactly("redFlagKind"));
	}

	@Test
	void refusesKindWithoutRedFlag() {
		assertThatExceptionOfType(InvalidFindingsException.class)
			.isThrownBy(() -> Findings.of(false, "TUMOUR", false, 1, "text"))
			.satisfies(ex -> assertThat(ex.violations()).extracting(FieldViolation::message)
				.containsExactly("must be absent when redFlag is false"));
	}

	@Test
	void refusesGradeOutsideZeroToFour() {
		for (int grade : new int[] { -1, 5 }) {
			assertThatExceptionOfType(InvalidFindingsException.class)
				.isThrownBy(() -> Findings.of(false, null, false, grade, "text"))
				.satisfies(ex -> assertThat(ex.violations()).extracting(FieldViolation::field)
					.containsExactly("osteoarthritisGrade"));
		}
	}

	@Test
	void namesEveryBadFieldAtOnce() {
		assertThatExceptionOfType(InvalidFindingsException.class)
			.isThrownBy(() -> Findings.of(null, "BROKEN", null, 7, " "))
			.satisfies(ex -> assertThat(ex.violations()).extracting(FieldViolation::field)
				.containsExactlyInAnyOrder("redFlag", "fullThicknessTear", "redFlagKind", "osteoarthritisGrade",
						"report"));
	}

	@Test
	void refusesTheSameRulesWhenBuiltDirectly() {
		assertThatExceptionOfType(InvalidFindingsException.class)
			.isThrownBy(() -> new Findings(true, null, false, 9, "text"))
			.satisfies(ex -> assertThat(ex.violations()).extracting(FieldViolation::field)
				.containsExactly("redFlagKind", "osteoarthritisGrade"));
	}

	@Test
	void refusesReportWithControlCharactersOrLoneSurrogates() {
		for (String text : List.of("before\u0000after", "bell\u0007", "escape\u001b[0m", "lone \ud83d high",
				"lone \ude00 low", "ends high \ud83d")) {
			assertThatExceptionOfType(InvalidFindingsException.class)
				.isThrownBy(() -> Findings.of(false, null, false, null, text))
				.satisfies(
						ex -> assertThat(ex.violations()).extracting(FieldViolation::field).containsExactly("report"));
		}
	}

	@Test
	void keepsLineBreaksTabsAndCharactersOutsideTheBasicPlane() {
		String text = "Medial joint space narrowing.\r\n\tSmall osteophytes \ud83e\uddb4 (bone).";
		assertThat(Findings.of(false, null, false, 2, text).report()).isEqualTo(text);
	}

}
