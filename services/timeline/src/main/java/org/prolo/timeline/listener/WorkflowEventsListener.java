package org.prolo.timeline.listener;

import java.util.Map;

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
import org.prolo.timeline.timeline.EventKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Headers;
import org.springframework.stereotype.Component;

/** Summaries name staff by user id and give codes, never clinical free text. */
@Component
@KafkaListener(topics = EventTopics.WORKFLOW, groupId = "timeline")
class WorkflowEventsListener {

	private static final Logger log = LoggerFactory.getLogger(WorkflowEventsListener.class);

	private final Recording recording;

	WorkflowEventsListener(Recording recording) {
		this.recording = recording;
	}

	@KafkaHandler
	void on(ReferralTriageStarted event, @Headers Map<String, Object> headers) {
		recording.record(headers, event,
				Entries.draft(event.getReferralId(), EventKind.REFERRAL_TRIAGE_STARTED, null, "Triage started"));
	}

	@KafkaHandler
	void on(ReferralTriaged event, @Headers Map<String, Object> headers) {
		recording.record(headers, event,
				Entries.draft(event.getReferralId(), EventKind.REFERRAL_TRIAGED, event.getOutcome(),
						Entries.withCode("Triaged: " + event.getOutcome(), event.getReasonCode()) + " by "
								+ event.getTriagedBy()));
	}

	@KafkaHandler
	void on(ReferralInfoRequested event, @Headers Map<String, Object> headers) {
		recording.record(headers, event, Entries.draft(event.getReferralId(), EventKind.REFERRAL_INFO_REQUESTED, null,
				"Information requested by " + event.getRequestedBy() + ", answer due " + event.getAnswerDueAt()));
	}

	@KafkaHandler
	void on(HistoryRecorded event, @Headers Map<String, Object> headers) {
		recording.record(headers, event, Entries.draft(event.getReferralId(), EventKind.HISTORY_RECORDED, null,
				"Pain history recorded by " + event.getRecordedBy()));
	}

	@KafkaHandler
	void on(ExamCompleted event, @Headers Map<String, Object> headers) {
		recording.record(headers, event,
				Entries.draft(event.getReferralId(), EventKind.EXAM_COMPLETED, null, "Physical exam completed by "
						+ event.getExaminedBy() + "; imaging " + (event.getImagingNeeded() ? "needed" : "not needed")));
	}

	@KafkaHandler
	void on(ImagingRequested event, @Headers Map<String, Object> headers) {
		recording.record(headers, event, Entries.draft(event.getReferralId(), EventKind.IMAGING_REQUESTED, null,
				"Imaging requested: " + event.getModality() + " by " + event.getRequestedBy()));
	}

	@KafkaHandler
	void on(SuitabilityDecided event, @Headers Map<String, Object> headers) {
		recording.record(headers, event,
				Entries.draft(event.getReferralId(), EventKind.SUITABILITY_DECIDED, null,
						"Suitability: " + event.getDecision() + " by " + event.getDecidedBy() + " (table: "
								+ event.getDmnSuitability() + "/" + event.getDmnReasonCode() + ", v"
								+ event.getDmnDecisionVersion() + (event.getOverridden() ? ", overridden)" : ")")));
	}

	@KafkaHandler
	void on(CoursePlanned event, @Headers Map<String, Object> headers) {
		recording.record(headers, event,
				Entries.draft(event.getReferralId(), EventKind.COURSE_PLANNED, null,
						"Course planned by " + event.getPlannedBy() + ": " + event.getSessions() + " sessions every "
								+ event.getIntervalWeeks() + " weeks"));
	}

	@KafkaHandler
	void on(ReferralClosed event, @Headers Map<String, Object> headers) {
		recording.record(headers, event, Entries.draft(event.getReferralId(), EventKind.REFERRAL_CLOSED,
				event.getOutcome(), Entries.withCode("Closed: " + event.getOutcome(), event.getReasonCode())));
	}

	@KafkaHandler(isDefault = true)
	void ignore(Object event) {
		log.debug("Ignored {} on {}", event.getClass().getSimpleName(), EventTopics.WORKFLOW);
	}

}
