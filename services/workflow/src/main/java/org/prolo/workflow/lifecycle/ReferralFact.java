package org.prolo.workflow.lifecycle;

import java.time.Instant;
import java.util.List;

/**
 * What a stage of the referral decided, as the process publishes it. The outbox turns
 * each into its event on workflow.referral-events after the engine's transaction commits.
 * Each fact's {@code eventId} is chosen in that transaction and stored with it, so every
 * copy the outbox sends goes out under the same CloudEvents id.
 */
public sealed interface ReferralFact {

	String eventId();

	String referralId();

	record TriageStarted(String eventId, String referralId, Instant startedAt) implements ReferralFact {
	}

	record Triaged(String eventId, String referralId, Instant triagedAt, String outcome, String reasonCode,
			String noteToReferrer, String triagedBy) implements ReferralFact {
	}

	record InfoRequested(String eventId, String referralId, Instant requestedAt, String question, Instant answerDueAt,
			String requestedBy) implements ReferralFact {
	}

	record HistoryRecorded(String eventId, String referralId, Instant recordedAt, String painLocation,
			int painDurationMonths, int painScore, boolean priorConservativeCare, boolean anticoagulated,
			boolean allergyToInjectate, boolean pregnant, boolean uncontrolledDiabetes, List<String> medications,
			List<String> comorbidities, String recordedBy) implements ReferralFact {
	}

	record ExamCompleted(String eventId, String referralId, Instant completedAt, List<String> tenderInsertions,
			boolean ligamentLaxity, boolean jointStable, String rangeOfMotion, boolean fullThicknessTearSuspected,
			boolean imagingNeeded, String examinedBy) implements ReferralFact {
	}

	record ImagingRequested(String eventId, String referralId, Instant requestedAt, String patientPseudonym,
			String modality, String bodyRegion, String clinicalQuestion, String requestedBy) implements ReferralFact {
	}

	record SuitabilityDecided(String eventId, String referralId, Instant decidedAt, String dmnSuitability,
			String dmnReasonCode, int dmnDecisionVersion, String decision, boolean overridden, String overrideRationale,
			String decidedBy) implements ReferralFact {
	}

	record CoursePlanned(String eventId, String referralId, Instant plannedAt, String patientPseudonym,
			String condition, int sessions, int intervalWeeks, double dextrosePercent, List<String> injectionSites,
			String plannedBy) implements ReferralFact {
	}

	record Closed(String eventId, String referralId, Instant closedAt, String outcome, String reasonCode,
			String noteToReferrer) implements ReferralFact {
	}

}
