package org.prolo.workflow.lifecycle;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A submitted referral as the process needs it: the pseudonym, never the patient's name.
 * The variable names are the inputs of the decision table prolotherapy-suitability.
 */
public record ReferralToAssess(String referralId, String patientPseudonym, String referrerId, String condition,
		String bodySite, int painDurationMonths, boolean priorConservativeCare, boolean anticoagulated,
		boolean allergyToInjectate, boolean pregnant, boolean uncontrolledDiabetes, boolean activeInfectionAtSite,
		boolean malignancyAtSite, String urgency) {

	/** The names of the process variables every referral starts with. */
	public static Set<String> variableNames() {
		return new ReferralToAssess("", "", "", "", "", 0, false, false, false, false, false, false, false, "")
			.processVariables()
			.keySet();
	}

	/** The process variables the referral starts with. */
	public Map<String, Object> processVariables() {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("referralId", referralId);
		variables.put("patientPseudonym", patientPseudonym);
		variables.put("referrerId", referrerId);
		variables.put("condition", condition);
		variables.put("bodySite", bodySite);
		variables.put("painDurationMonths", painDurationMonths);
		variables.put("priorConservativeCare", priorConservativeCare);
		variables.put("anticoagulated", anticoagulated);
		variables.put("allergyToInjectate", allergyToInjectate);
		variables.put("pregnant", pregnant);
		variables.put("uncontrolledDiabetes", uncontrolledDiabetes);
		variables.put("activeInfectionAtSite", activeInfectionAtSite);
		variables.put("malignancyAtSite", malignancyAtSite);
		variables.put("urgency", urgency);
		// The referrer's statements, kept apart from the clinic's history, which records
		// the same facts again under the table's names (DecisionInputs).
		DecisionInputs.REFERRED.forEach((name, referredName) -> variables.put(referredName, variables.get(name)));
		return variables;
	}

}
