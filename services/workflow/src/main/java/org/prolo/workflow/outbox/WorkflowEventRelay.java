package org.prolo.workflow.outbox;

import org.apache.avro.specific.SpecificRecord;
import org.prolo.events.CoursePlanned;
import org.prolo.events.ExamCompleted;
import org.prolo.events.HistoryRecorded;
import org.prolo.events.ImagingRequested;
import org.prolo.events.ReferralClosed;
import org.prolo.events.ReferralInfoRequested;
import org.prolo.events.ReferralTriageStarted;
import org.prolo.events.ReferralTriaged;
import org.prolo.events.SuitabilityDecided;
import org.prolo.platform.events.EventTopics;
import org.prolo.platform.events.OutboxMapping;
import org.prolo.platform.events.OutboxRelay;
import org.prolo.workflow.lifecycle.ReferralFact;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Runs after the engine's transaction committed, in a transaction of its own; the
 * publication is marked complete only when the broker acknowledged the event. An
 * unacknowledged one stays in event_publication and is republished on restart
 * (spring.modulith.events.republish-outstanding-events-on-restart), so delivery is at
 * least once; a republished event keeps the ce_id of its fact, so consumers drop the copy
 * by ce_id.
 */
@Component
public class WorkflowEventRelay {

	static final OutboxMapping<ReferralFact> MAPPING = OutboxMapping.of(EventTopics.WORKFLOW, ReferralFact::eventId,
			WorkflowEventRelay::toAvro);

	private final OutboxRelay relay;

	public WorkflowEventRelay(OutboxRelay relay) {
		this.relay = relay;
	}

	/**
	 * In the referral's trace, which StageEvents made current when the fact was stored.
	 */
	@ApplicationModuleListener
	public void on(ReferralFact fact) {
		relay.relay(fact, MAPPING);
	}

	static SpecificRecord toAvro(ReferralFact fact) {
		if (fact instanceof ReferralFact.TriageStarted f) {
			return ReferralTriageStarted.newBuilder().setReferralId(f.referralId()).setStartedAt(f.startedAt()).build();
		}
		if (fact instanceof ReferralFact.Triaged f) {
			return ReferralTriaged.newBuilder()
				.setReferralId(f.referralId())
				.setTriagedAt(f.triagedAt())
				.setOutcome(f.outcome())
				.setReasonCode(f.reasonCode())
				.setNoteToReferrer(f.noteToReferrer())
				.setTriagedBy(f.triagedBy())
				.build();
		}
		if (fact instanceof ReferralFact.InfoRequested f) {
			return ReferralInfoRequested.newBuilder()
				.setReferralId(f.referralId())
				.setRequestedAt(f.requestedAt())
				.setQuestion(f.question())
				.setAnswerDueAt(f.answerDueAt())
				.setRequestedBy(f.requestedBy())
				.build();
		}
		if (fact instanceof ReferralFact.HistoryRecorded f) {
			return HistoryRecorded.newBuilder()
				.setReferralId(f.referralId())
				.setRecordedAt(f.recordedAt())
				.setPainLocation(f.painLocation())
				.setPainDurationMonths(f.painDurationMonths())
				.setPainScore(f.painScore())
				.setPriorConservativeCare(f.priorConservativeCare())
				.setAnticoagulated(f.anticoagulated())
				.setAllergyToInjectate(f.allergyToInjectate())
				.setPregnant(f.pregnant())
				.setUncontrolledDiabetes(f.uncontrolledDiabetes())
				.setMedications(f.medications())
				.setComorbidities(f.comorbidities())
				.setRecordedBy(f.recordedBy())
				.build();
		}
		if (fact instanceof ReferralFact.ExamCompleted f) {
			return ExamCompleted.newBuilder()
				.setReferralId(f.referralId())
				.setCompletedAt(f.completedAt())
				.setTenderInsertions(f.tenderInsertions())
				.setLigamentLaxity(f.ligamentLaxity())
				.setJointStable(f.jointStable())
				.setRangeOfMotion(f.rangeOfMotion())
				.setFullThicknessTearSuspected(f.fullThicknessTearSuspected())
				.setImagingNeeded(f.imagingNeeded())
				.setExaminedBy(f.examinedBy())
				.build();
		}
		if (fact instanceof ReferralFact.ImagingRequested f) {
			return ImagingRequested.newBuilder()
				.setReferralId(f.referralId())
				.setRequestedAt(f.requestedAt())
				.setPatientPseudonym(f.patientPseudonym())
				.setModality(f.modality())
				.setBodyRegion(f.bodyRegion())
				.setClinicalQuestion(f.clinicalQuestion())
				.setRequestedBy(f.requestedBy())
				.build();
		}
		if (fact instanceof ReferralFact.SuitabilityDecided f) {
			return SuitabilityDecided.newBuilder()
				.setReferralId(f.referralId())
				.setDecidedAt(f.decidedAt())
				.setDmnSuitability(f.dmnSuitability())
				.setDmnReasonCode(f.dmnReasonCode())
				.setDmnDecisionVersion(f.dmnDecisionVersion())
				.setDecision(f.decision())
				.setOverridden(f.overridden())
				.setOverrideRationale(f.overrideRationale())
				.setDecidedBy(f.decidedBy())
				.build();
		}
		if (fact instanceof ReferralFact.CoursePlanned f) {
			return CoursePlanned.newBuilder()
				.setReferralId(f.referralId())
				.setPlannedAt(f.plannedAt())
				.setPatientPseudonym(f.patientPseudonym())
				.setCondition(f.condition())
				.setSessions(f.sessions())
				.setIntervalWeeks(f.intervalWeeks())
				.setDextrosePercent(f.dextrosePercent())
				.setInjectionSites(f.injectionSites())
				.setPlannedBy(f.plannedBy())
				.build();
		}
		if (fact instanceof ReferralFact.Closed f) {
			return ReferralClosed.newBuilder()
				.setReferralId(f.referralId())
				.setClosedAt(f.closedAt())
				.setOutcome(f.outcome())
				.setReasonCode(f.reasonCode())
				.setNoteToReferrer(f.noteToReferrer())
				.build();
		}
		throw new IllegalArgumentException("No event for " + fact.getClass().getName());
	}

}
