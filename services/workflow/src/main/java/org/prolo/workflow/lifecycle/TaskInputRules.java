package org.prolo.workflow.lifecycle;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a completed task must carry, whatever client completes it (Tasklist's form, the
 * engine REST API): the same rules as the Camunda Forms in bpmn/, enforced on the server.
 * Numbers arrive as whatever numeric type the client chose; {@link Checked#normalized()}
 * holds them as the Integer or Double the process and the decision tables expect.
 */
public final class TaskInputRules {

	public static final Set<String> TRIAGE_OUTCOMES = Set.of("ACCEPTED", "REJECTED", "INFO_REQUESTED");

	/** The reasons a triage rejection may give: the options of triage's form. */
	public static final Set<String> TRIAGE_REJECTION_REASONS = Set.of("OUT_OF_SCOPE", "INSUFFICIENT_INFORMATION",
			"DUPLICATE_REFERRAL", "URGENT_CARE_NEEDED", "NOT_CHRONIC");

	public static final Set<String> MODALITIES = Set.of("XRAY", "ULTRASOUND", "MRI");

	public static final Set<String> DECISIONS = Set.of(SuitabilityReview.SUITABLE, SuitabilityReview.NOT_SUITABLE);

	private TaskInputRules() {
	}

	/** The outcome of checking one task's variables. */
	public record Checked(Map<String, Object> normalized, List<String> violations) {

		public boolean valid() {
			return violations.isEmpty();
		}

	}

	/**
	 * Checks the variables visible to the task {@code taskKey}; unknown task keys have no
	 * rules.
	 */
	public static Checked check(String taskKey, Map<String, Object> variables) {
		var check = new Check(variables);
		switch (taskKey) {
			case "triage" -> {
				String outcome = check.oneOf("triageOutcome", TRIAGE_OUTCOMES);
				if ("REJECTED".equals(outcome)) {
					check.oneOf("reasonCode", TRIAGE_REJECTION_REASONS);
					check.text("noteToReferrer");
				}
				if ("INFO_REQUESTED".equals(outcome)) {
					check.text("infoQuestion");
				}
			}
			case "record-history" -> {
				check.text("painLocation");
				check.integer("painDurationMonths", 0, 1200);
				check.integer("painScore", 0, 10);
				check.bool("priorConservativeCare");
				check.bool("anticoagulated");
				check.bool("allergyToInjectate");
				check.bool("pregnant");
				check.bool("uncontrolledDiabetes");
			}
			case "physical-exam" -> {
				check.text("rangeOfMotion");
				check.bool("ligamentLaxity");
				check.bool("jointStable");
				check.bool("fullThicknessTearSuspected");
				if (Boolean.TRUE.equals(check.bool("imagingNeeded"))) {
					check.oneOf("imagingModality", MODALITIES);
					check.text("imagingBodyRegion");
					check.text("imagingClinicalQuestion");
				}
			}
			case "chase-imaging" -> check.text("chaseNote");
			case "confirm-suitability" -> {
				String decision = check.oneOf("suitabilityDecision", DECISIONS);
				Object dmn = variables.get("dmnSuitability");
				if (decision != null && dmn != null
						&& new SuitabilityReview(dmn.toString(), decision, null).needsRationale()
						&& isBlank(variables.get("overrideRationale"))) {
					check.violations.add("overrideRationale: required when the decision (" + decision
							+ ") differs from the decision table's result (" + dmn + ")");
				}
				// The referrer's letter gives the clinician's note as the reason in their
				// own
				// words; a table reason alone cannot explain an override.
				if (SuitabilityReview.NOT_SUITABLE.equals(decision) && isBlank(variables.get("suitabilityNote"))) {
					check.violations.add("suitabilityNote: required when the decision is NOT_SUITABLE");
				}
			}
			case "plan-course" -> {
				check.integer("sessions", 1, 10);
				check.integer("intervalWeeks", 1, 12);
				check.decimal("dextrosePercent", 5, 30);
				check.text("injectionSites");
			}
			default -> {
			}
		}
		return new Checked(check.normalized, List.copyOf(check.violations));
	}

	/** Splits a comma-separated form field into its trimmed, non-empty items. */
	public static List<String> items(Object commaSeparated) {
		if (commaSeparated == null) {
			return List.of();
		}
		if (commaSeparated instanceof List<?> list) {
			return list.stream().map(Object::toString).map(String::trim).filter(s -> !s.isEmpty()).toList();
		}
		List<String> items = new ArrayList<>();
		for (String item : commaSeparated.toString().split(",")) {
			if (!item.isBlank()) {
				items.add(item.trim());
			}
		}
		return items;
	}

	private static boolean isBlank(Object value) {
		return value == null || value.toString().isBlank();
	}

	private static final class Check {

		private final Map<String, Object> variables;

		private final Map<String, Object> normalized = new LinkedHashMap<>();

		private final List<String> violations = new ArrayList<>();

		Check(Map<String, Object> variables) {
			this.variables = variables;
		}

		void text(String name) {
			if (isBlank(variables.get(name))) {
				violations.add(name + ": required");
			}
		}

		String oneOf(String name, Set<String> allowed) {
			Object value = variables.get(name);
			if (isBlank(value)) {
				violations.add(name + ": required, one of " + allowed.stream().sorted().toList());
				return null;
			}
			if (!allowed.contains(value.toString())) {
				violations.add(name + ": must be one of " + allowed.stream().sorted().toList() + ", was " + value);
				return null;
			}
			return value.toString();
		}

		Boolean bool(String name) {
			Object value = variables.get(name);
			if (value instanceof Boolean b) {
				return b;
			}
			if (value != null
					&& ("true".equalsIgnoreCase(value.toString()) || "false".equalsIgnoreCase(value.toString()))) {
				Boolean b = Boolean.valueOf(value.toString());
				normalized.put(name, b);
				return b;
			}
			violations.add(name + ": required, true or false");
			return null;
		}

		void integer(String name, int min, int max) {
			BigDecimal number = number(name);
			if (number == null) {
				return;
			}
			if (number.stripTrailingZeros().scale() > 0) {
				violations.add(name + ": must be a whole number, was " + number.toPlainString());
			}
			else if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
				violations.add(name + ": must be between " + min + " and " + max + ", was " + number.toPlainString());
			}
			else {
				normalized.put(name, number.intValueExact());
			}
		}

		void decimal(String name, double min, double max) {
			BigDecimal number = number(name);
			if (number == null) {
				return;
			}
			if (number.doubleValue() < min || number.doubleValue() > max) {
				violations.add(name + ": must be between " + min + " and " + max + ", was " + number.toPlainString());
			}
			else {
				normalized.put(name, number.doubleValue());
			}
		}

		private BigDecimal number(String name) {
			Object value = variables.get(name);
			if (isBlank(value)) {
				violations.add(name + ": required");
				return null;
			}
			try {
				return new BigDecimal(value.toString().trim());
			}
			catch (NumberFormatException ex) {
				violations.add(name + ": must be a number, was " + value);
				return null;
			}
		}

	}

}
