package org.prolo.imaging.order;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What radiology found, in the terms the suitability decision reads: a red flag (with its
 * kind), a full-thickness tear, a Kellgren-Lawrence osteoarthritis grade when graded, and
 * the free text.
 */
public record Findings(boolean redFlag, RedFlagKind redFlagKind, boolean fullThicknessTear, Integer osteoarthritisGrade,
		String report) {

	public static final int MAX_GRADE = 4;

	public static final int MAX_REPORT_LENGTH = 8000;

	public Findings {
		List<FieldViolation> violations = violationsOf(redFlag, redFlagKind, osteoarthritisGrade, report);
		if (!violations.isEmpty()) {
			throw new InvalidFindingsException(violations);
		}
	}

	/**
	 * Reads a report as a client sent it, checking every field before refusing it so that
	 * all problems are named at once.
	 * @throws InvalidFindingsException naming every bad field
	 */
	public static Findings of(Boolean redFlag, String redFlagKind, Boolean fullThicknessTear,
			Integer osteoarthritisGrade, String report) {
		List<FieldViolation> violations = new ArrayList<>();
		if (redFlag == null) {
			violations.add(new FieldViolation("redFlag", "must be true or false"));
		}
		if (fullThicknessTear == null) {
			violations.add(new FieldViolation("fullThicknessTear", "must be true or false"));
		}
		RedFlagKind kind = null;
		if (redFlagKind != null) {
			try {
				kind = RedFlagKind.valueOf(redFlagKind);
			}
			catch (IllegalArgumentException ex) {
				violations.add(new FieldViolation("redFlagKind",
						"must be one of FRACTURE, TUMOUR, INFECTION, INFLAMMATORY_ARTHRITIS"));
			}
		}
		if (redFlag != null) {
			kindViolation(redFlag, redFlagKind != null).ifPresent(violations::add);
		}
		gradeViolation(osteoarthritisGrade).ifPresent(violations::add);
		reportViolation(report).ifPresent(violations::add);
		if (!violations.isEmpty()) {
			throw new InvalidFindingsException(violations);
		}
		return new Findings(redFlag, kind, fullThicknessTear, osteoarthritisGrade, report);
	}

	private static List<FieldViolation> violationsOf(boolean redFlag, RedFlagKind redFlagKind,
			Integer osteoarthritisGrade, String report) {
		List<FieldViolation> violations = new ArrayList<>();
		kindViolation(redFlag, redFlagKind != null).ifPresent(violations::add);
		gradeViolation(osteoarthritisGrade).ifPresent(violations::add);
		reportViolation(report).ifPresent(violations::add);
		return violations;
	}

	/** The kind says which red flag, so it comes with a red flag and only with one. */
	private static Optional<FieldViolation> kindViolation(boolean redFlag, boolean kindPresent) {
		if (redFlag && !kindPresent) {
			return Optional.of(new FieldViolation("redFlagKind", "is required when redFlag is true"));
		}
		if (!redFlag && kindPresent) {
			return Optional.of(new FieldViolation("redFlagKind", "must be absent when redFlag is false"));
		}
		return Optional.empty();
	}

	private static Optional<FieldViolation> gradeViolation(Integer grade) {
		if (grade != null && (grade < 0 || grade > MAX_GRADE)) {
			return Optional.of(new FieldViolation("osteoarthritisGrade",
					"must be between 0 and 4 (Kellgren-Lawrence), or null when not graded"));
		}
		return Optional.empty();
	}

	private static Optional<FieldViolation> reportViolation(String report) {
		if (report == null || report.isBlank()) {
			return Optional.of(new FieldViolation("report", "must not be blank"));
		}
		if (report.length() > MAX_REPORT_LENGTH) {
			return Optional.of(new FieldViolation("report", "must be at most " + MAX_REPORT_LENGTH + " characters"));
		}
		if (!isPlainText(report)) {
			return Optional.of(new FieldViolation("report",
					"must be plain text: no control characters other than tab and line breaks, no lone surrogates"));
		}
		return Optional.empty();
	}

	/**
	 * A report is read by people and kept in PostgreSQL, which cannot store NUL; a lone
	 * surrogate cannot be encoded as UTF-8 on the wire either.
	 */
	private static boolean isPlainText(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
				return false;
			}
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

}
