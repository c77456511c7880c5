package org.prolo.intake.progress;

import java.util.Map;

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
import org.prolo.intake.referral.ReferralProgress;
import org.prolo.platform.events.EventTopics;
import org.prolo.platform.events.OncePerEvent;
import org.prolo.referralstatus.ReferralStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Headers;
import org.springframework.stereotype.Component;

/** Maps the workflow's events to referral progress; thin on purpose. */
@Component
@KafkaListener(topics = EventTopics.WORKFLOW, groupId = "intake")
class WorkflowEventListener {

	private static final Logger log = LoggerFactory.getLogger(WorkflowEventListener.class);

	private final FollowingReferralProgress following;

	private final OncePerEvent once;

	WorkflowEventListener(FollowingReferralProgress following, OncePerEvent once) {
		this.following = following;
		this.once = once;
	}

	@KafkaHandler
	void on(ReferralTriageStarted event, @Headers Map<String, Object> headers) {
		follow(event, headers, event.getReferralId(), new ReferralProgress.TriageStarted(event.getStartedAt()));
	}

	@KafkaHandler
	void on(ReferralTriaged event, @Headers Map<String, Object> headers) {
		// An unknown outcome throws IllegalArgumentException: not retried, parked in the
		// DLT.
		follow(event, headers, event.getReferralId(),
				new ReferralProgress.Triaged(ReferralStatus.valueOf(event.getOutcome()), event.getReasonCode(),
						event.getNoteToReferrer(), event.getTriagedAt()));
	}

	@KafkaHandler
	void on(ReferralInfoRequested event, @Headers Map<String, Object> headers) {
		follow(event, headers, event.getReferralId(),
				new ReferralProgress.InformationRequested(event.getQuestion(), event.getRequestedAt()));
	}

	@KafkaHandler
	void on(HistoryRecorded event, @Headers Map<String, Object> headers) {
		follow(event, headers, event.getReferralId(), new ReferralProgress.AssessmentAdvanced());
	}

	@KafkaHandler
	void on(ExamCompleted event, @Headers Map<String, Object> headers) {
		follow(event, headers, event.getReferralId(), new ReferralProgress.AssessmentAdvanced());
	}

	@KafkaHandler
	void on(ImagingRequested event, @Headers Map<String, Object> headers) {
		follow(event, headers, event.getReferralId(), new ReferralProgress.AssessmentAdvanced());
	}

	@KafkaHandler
	void on(SuitabilityDecided event, @Headers Map<String, Object> headers) {
		follow(event, headers, event.getReferralId(), new ReferralProgress.AssessmentAdvanced());
	}

	@KafkaHandler
	void on(CoursePlanned event, @Headers Map<String, Object> headers) {
		follow(event, headers, event.getReferralId(), new ReferralProgress.AssessmentAdvanced());
	}

	@KafkaHandler
	void on(ReferralClosed event, @Headers Map<String, Object> headers) {
		follow(event, headers, event.getReferralId(),
				new ReferralProgress.Closed(ReferralStatus.valueOf(event.getOutcome()), event.getReasonCode(),
						event.getNoteToReferrer(), event.getClosedAt()));
	}

	@KafkaHandler(isDefault = true)
	void ignore(Object event) {
		log.debug("Ignored {}: it does not change what a referrer sees", event.getClass().getSimpleName());
	}

	private void follow(SpecificRecord event, Map<String, Object> headers, CharSequence referralId,
			ReferralProgress progress) {
		once.run(headers, event, e -> following.follow(e.type(), referralId.toString(), progress));
	}

}
