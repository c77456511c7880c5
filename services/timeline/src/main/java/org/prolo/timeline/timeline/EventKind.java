package org.prolo.timeline.timeline;

import java.util.Arrays;

import org.prolo.referralstatus.ReferralStatus;

/**
 * Every kind of event on the product's topics, and the status each one moves a referral
 * to.
 */
public enum EventKind {

	REFERRAL_SUBMITTED("ReferralSubmitted"),

	REFERRAL_WITHDRAWN("ReferralWithdrawn"),

	REFERRAL_INFO_REQUESTED("ReferralInfoRequested"),

	REFERRAL_INFO_PROVIDED("ReferralInfoProvided"),

	REFERRAL_TRIAGE_STARTED("ReferralTriageStarted"),

	REFERRAL_TRIAGED("ReferralTriaged"),

	HISTORY_RECORDED("HistoryRecorded"),

	EXAM_COMPLETED("ExamCompleted"),

	IMAGING_REQUESTED("ImagingRequested"),

	IMAGING_REPORTED("ImagingReported"),

	IMAGING_ORDER_CLOSED("ImagingOrderClosed"),

	SUITABILITY_DECIDED("SuitabilityDecided"),

	COURSE_PLANNED("CoursePlanned"),

	SESSIONS_SCHEDULED("SessionsScheduled"),

	APPOINTMENT_WAITLISTED("AppointmentWaitlisted"),

	APPOINTMENTS_CANCELLED("AppointmentsCancelled"),

	WAITING_LIST_LEFT("WaitingListLeft"),

	REFERRAL_CLOSED("ReferralClosed"),

	REFERRER_NOTIFIED("ReferrerNotified");

	private final String typeName;

	EventKind(String typeName) {
		this.typeName = typeName;
	}

	/** The event's record name, as shown in the timeline. */
	public String typeName() {
		return typeName;
	}

	public static EventKind ofTypeName(String typeName) {
		return Arrays.stream(values())
			.filter(kind -> kind.typeName.equals(typeName))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown event type " + typeName));
	}

	/**
	 * The status this event moves the referral to, or null when it does not change it.
	 * @param outcome the triage or closing outcome, for the events that have one
	 */
	public ReferralStatus statusAfter(String outcome) {
		return switch (this) {
			case REFERRAL_SUBMITTED -> ReferralStatus.SUBMITTED;
			case REFERRAL_INFO_REQUESTED -> ReferralStatus.INFO_REQUESTED;
			case REFERRAL_TRIAGE_STARTED, REFERRAL_INFO_PROVIDED -> ReferralStatus.TRIAGE;
			case REFERRAL_TRIAGED -> switch (String.valueOf(outcome)) {
				case "ACCEPTED" -> ReferralStatus.ACCEPTED;
				case "REJECTED" -> ReferralStatus.REJECTED;
				case "INFO_REQUESTED" -> ReferralStatus.INFO_REQUESTED;
				default -> null;
			};
			case HISTORY_RECORDED, EXAM_COMPLETED, IMAGING_REQUESTED, IMAGING_REPORTED, SUITABILITY_DECIDED,
					COURSE_PLANNED ->
				ReferralStatus.IN_ASSESSMENT;
			case REFERRAL_WITHDRAWN -> ReferralStatus.WITHDRAWN;
			case REFERRAL_CLOSED -> closingStatus(outcome);
			// Waiting for a slot or booked: the referral is still where triage or the
			// clinician left it.
			case SESSIONS_SCHEDULED, APPOINTMENT_WAITLISTED, REFERRER_NOTIFIED -> null;
			// Consequences of a close that ReferralClosed already set the status of.
			// Consequences of a close or of the exam, which set the status themselves.
			case IMAGING_ORDER_CLOSED, APPOINTMENTS_CANCELLED, WAITING_LIST_LEFT -> null;
		};
	}

	private static ReferralStatus closingStatus(String outcome) {
		return Arrays.stream(ReferralStatus.values())
			.filter(status -> status.isClosed() && status.name().equals(outcome))
			.findFirst()
			.orElse(null);
	}

}
