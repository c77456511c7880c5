package org.prolo.workflow.lifecycle;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the suitability table reads where two owners state the same fact: the referrer (at
 * submission) and the clinic's own history ({@code record-history}). The history may make
 * the decision more cautious, never less: a contraindication either of them reports
 * counts, conservative care counts as tried only if both say so, and the pain counts as
 * chronic only as long as the shorter of the two durations. A clinician who knows one of
 * them to be wrong overrides the table's result with a written rationale, which the
 * process records; nobody can make the table itself give a kinder answer.
 */
public final class DecisionInputs {

	/** Facts the referral states and the history records again under the same name. */
	public static final Map<String, String> REFERRED = Map.of("painDurationMonths", "referredPainDurationMonths",
			"priorConservativeCare", "referredPriorConservativeCare", "anticoagulated", "referredAnticoagulated",
			"allergyToInjectate", "referredAllergyToInjectate", "pregnant", "referredPregnant", "uncontrolledDiabetes",
			"referredUncontrolledDiabetes");

	private DecisionInputs() {
	}

	/**
	 * @param variables the referral's variables: the history's values under the table's
	 * names, the referrer's under {@link #REFERRED}'s names (absent for referrals started
	 * before they were kept)
	 * @return the table's inputs that differ from what the history recorded
	 */
	public static Map<String, Object> reconciled(Map<String, Object> variables) {
		Map<String, Object> inputs = new LinkedHashMap<>();
		REFERRED.forEach((name, referredName) -> {
			Object recorded = variables.get(name);
			Object referred = variables.get(referredName);
			if (recorded == null || referred == null) {
				return;
			}
			Object safer = switch (name) {
				case "painDurationMonths" -> Math.min(((Number) recorded).intValue(), ((Number) referred).intValue());
				case "priorConservativeCare" -> (Boolean) recorded && (Boolean) referred;
				default -> (Boolean) recorded || (Boolean) referred;
			};
			if (!safer.equals(recorded)) {
				inputs.put(name, safer);
			}
		});
		return inputs;
	}

}
