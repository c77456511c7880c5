package org.prolo.workflow.inspection;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle stage that an element of the prolotherapy-referral process belongs to, so
 * a lead reads "Imaging" rather than "SubProcess_AwaitImagingReport".
 */
final class Stages {

	static final String CLOSED = "Closed";

	private static final Map<String, String> STAGE_OF_ELEMENT = Map.ofEntries(
			Map.entry("StartEvent_ReferralSubmitted", "Submitted"), Map.entry("Gateway_JoinTriage", "Triage"),
			Map.entry("triage", "Triage"), Map.entry("Gateway_TriageOutcome", "Triage"),
			Map.entry("Event_InfoRequested", "Information requested"),
			Map.entry("Gateway_AwaitInfo", "Information requested"),
			Map.entry("Event_InfoProvided", "Information requested"),
			Map.entry("Event_NoAnswer14Days", "Information requested"), Map.entry("record-history", "History"),
			Map.entry("physical-exam", "Physical exam"), Map.entry("Gateway_ImagingNeeded", "Physical exam"),
			Map.entry("Task_RequestImaging", "Imaging"), Map.entry("Gateway_ReportAlreadyIn", "Imaging"),
			Map.entry("Gateway_AwaitImagingAgain", "Imaging"), Map.entry("SubProcess_AwaitImagingReport", "Imaging"),
			Map.entry("Event_AwaitingImagingReport", "Imaging"), Map.entry("Event_ImagingOverdue", "Imaging"),
			Map.entry("chase-imaging", "Imaging"), Map.entry("Event_ImagingReported", "Imaging"),
			Map.entry("Gateway_JoinReport", "Imaging"), Map.entry("Gateway_JoinImaging", "Suitability"),
			Map.entry("Task_DecideSuitability", "Suitability"), Map.entry("confirm-suitability", "Suitability"),
			Map.entry("Gateway_Suitable", "Suitability"), Map.entry("Task_ProposeCourse", "Course planning"),
			Map.entry("plan-course", "Course planning"), Map.entry("SubProcess_Withdrawal", "Withdrawal"),
			Map.entry("Event_ReferralWithdrawn", "Withdrawal"));

	private Stages() {
	}

	/** The ids of the BPMN elements named here. */
	static Set<String> elementIds() {
		return STAGE_OF_ELEMENT.keySet();
	}

	/**
	 * The stage of the current elements; when the process stands in several (the imaging
	 * report's wait and the chase task inside it), the first one that has a stage.
	 */
	static String of(Collection<String> activityIds) {
		return activityIds.stream()
			.map(STAGE_OF_ELEMENT::get)
			.filter(stage -> stage != null)
			.findFirst()
			.orElse(activityIds.isEmpty() ? null : "Unknown");
	}

}
