package org.prolo.platform.events;

/**
 * The topics of the product, one per producing service, so that one producer's facts
 * about a referral stay in order (the key is the referral id) while each consumer reads
 * only the producers it cares about.
 */
public final class EventTopics {

	/** ReferralSubmitted, ReferralWithdrawn, ReferralInfoProvided; produced by intake. */
	public static final String INTAKE = "intake.referral-events";

	/**
	 * ReferralTriaged, ReferralInfoRequested, HistoryRecorded, ExamCompleted,
	 * ImagingRequested, SuitabilityDecided, CoursePlanned, ReferralClosed; produced by
	 * workflow.
	 */
	public static final String WORKFLOW = "workflow.referral-events";

	/** ImagingReported; produced by imaging. */
	public static final String IMAGING = "imaging.imaging-events";

	/** SessionsScheduled; produced by scheduling. */
	public static final String SCHEDULING = "scheduling.appointment-events";

	/** ReferrerNotified; produced by notification. */
	public static final String NOTIFICATION = "notification.referrer-events";

	public static final String DLT_SUFFIX = ".DLT";

	/**
	 * Header of a dead letter with the root cause of its failure, beside spring-kafka's
	 * {@code kafka_dlt-original-topic}, {@code -partition}, {@code -offset} and
	 * {@code -exception-*}.
	 */
	public static final String DLT_REASON_HEADER = "dlt-reason";

	private EventTopics() {
	}

	public static String deadLetterOf(String topic) {
		return topic + DLT_SUFFIX;
	}

}
