package org.prolo.timeline.timeline;

import java.util.Arrays;

import org.prolo.referralstatus.ReferralStatus;
import org.prolo.referralstatus.StatusChange;

/**
 * Every kind of event on the product's topics, the {@link StatusChange} each one makes
 * and the status it moves a referral to.
 */
public enum EventKind {

	REFERRAL_SUBMITTED("ReferralSubmitted", StatusChange.SUBMISSION),

	REFERRAL_WITHDRAWN("ReferralWithdrawn", StatusChange.WITHDRAWAL),

	REFERRAL_INFO_REQUESTED("ReferralInfoRequested", StatusChange.INFORMATION_REQUEST),

	REFERRAL_INFO_PROVIDED("ReferralInfoProvided", StatusChange.INFORMATION_ANSWER),

	REFERRAL_TRIAGE_STARTED("ReferralTriageStarted", StatusChange.TRIAGE_START),

	REFERRAL_TRIAGED("ReferralTriaged", StatusChange.TRIAGE_DECISION),

	HISTORY_RECORDED("HistoryRecorded", StatusChange.ASSESSMENT_STEP),

	EXAM_COMPLETED("ExamCompleted", StatusChange.ASSESSMENT_STEP),

	IMAGING_REQUESTED("ImagingRequested", StatusChange.ASSESSMENT_STEP),

	IMAGING_REPORTED("ImagingReported", StatusChange.ASSESSMENT_STEP),

	// A consequence of a close that ReferralClosed already set the status of.
	IMAGING_ORDER_CLOSED("ImagingOrderClosed", null),

	SUITABILITY_DECIDED("SuitabilityDecided", StatusChange.ASSESSMENT_STEP),

	COURSE_PLANNED("CoursePlanned", StatusChange.ASSESSMENT_STEP),

	SESSIONS_SCHEDULED("SessionsScheduled", StatusChange.EXAM_BOOKING),

	APPOINTMENT_WAITLISTED("AppointmentWaitlisted", StatusChange.EXAM_WAITLISTING),

	// Consequences of a close or of the exam, which set the status themselves.
	APPOINTMENTS_CANCELLED("AppointmentsCancelled", null),

	WAITING_LIST_LEFT("WaitingListLeft", null),

	REFERRAL_CLOSED("ReferralClosed", StatusChange.CLOSING),

	REFERRER_NOTIFIED("ReferrerNotified", null);

	/** The purpose of scheduling's events about the exam. */
	private static final String EXAM = "EXAM";

	private final String typeName;

	private final StatusChange statusChange;

	EventKind(String typeName, StatusChange statusChange) {
		this.typeName = typeName;
		this.statusChange = statusChange;
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
	 * What an event of this kind may do to the referral's status, as intake sees it too;
	 * null when it never changes it.
	 */
	public StatusChange statusChange() {
		return statusChange;
	}

	/**
	 * The status this event moves the referral to, or null when it does not change it.
	 * @param detail what of the event decides: the triage or closing outcome; for a wait
	 * or a booking the appointment's purpose, for a booking only when it was made from
	 * the waiting list (a booking made at once changes nothing)
	 */
	public ReferralStatus statusAfter(String detail) {
		if (statusChange == null) {
			return null;
		}
		return switch (this) {
			case REFERRAL_TRIAGED, REFERRAL_CLOSED -> statusChange.target(detail).orElse(null);
			// A course waits and is booked after the referral closed as COURSE_PLANNED,
			// for
			// good.
			case APPOINTMENT_WAITLISTED, SESSIONS_SCHEDULED -> EXAM.equals(detail) ? statusChange.target() : null;
			default -> statusChange.target();
		};
	}

}
