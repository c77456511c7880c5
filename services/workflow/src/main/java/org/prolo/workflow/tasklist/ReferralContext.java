package org.prolo.workflow.tasklist;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a task list shows of a task's referral, beside the task's own name and due date:
 * the patient's pseudonym (never the name), condition, body site and urgency, from the
 * process variables the referral started with, and the overdue marker the escalation puts
 * on the task. Whoever sees a task in their list may read these, and only these.
 */
public final class ReferralContext {

	public static final String OVERDUE = org.prolo.workflow.process.OverdueEscalation.OVERDUE;

	/** variable name → column label in Tasklist. */
	public static final Map<String, String> COLUMNS = columns();

	public static final Set<String> VARIABLES = Set.copyOf(COLUMNS.keySet());

	private ReferralContext() {
	}

	private static Map<String, String> columns() {
		Map<String, String> columns = new LinkedHashMap<>();
		columns.put("patientPseudonym", "Patient (pseudonym)");
		columns.put("condition", "Condition");
		columns.put("bodySite", "Body site");
		columns.put("urgency", "Urgency");
		columns.put(OVERDUE, "Overdue");
		return Collections.unmodifiableMap(columns);
	}

}
