package org.prolo.referralstatus.testing;

import java.util.List;
import java.util.stream.Stream;

import org.prolo.referralstatus.ReferralStatus;

/**
 * Sequences of the events that move a referral's status, each with the status a physician
 * must see after it, for intake (which applies events as they arrive) and the timeline
 * (which folds them in time order) to check against the same table, so that both show the
 * same status. The events of a sequence are listed in the order they arrive and occurred
 * in: a late or repeated one is one a producer sent again later.
 */
public final class StatusSequences {

	private StatusSequences() {
	}

	/**
	 * One event, by its record's name on the topics, with what of it decides the status.
	 *
	 * @param outcome a triage's or a closing's outcome, else null
	 * @param purpose EXAM or COURSE for scheduling's events, else null
	 * @param fromWaitingList whether a booking was made from the waiting list
	 */
	public record Event(String type, String outcome, String purpose, boolean fromWaitingList) {

		@Override
		public String toString() {
			return type + ((outcome != null) ? " " + outcome : "") + ((purpose != null) ? " " + purpose : "")
					+ (fromWaitingList ? " from the waiting list" : "");
		}

	}

	/** A named sequence, submitted first, and the status after it. */
	public record Sequence(String name, List<Event> events, ReferralStatus expected) {

		@Override
		public String toString() {
			return name;
		}

	}

	/** For {@code @MethodSource}. */
	public static Stream<Sequence> all() {
		return Stream.of(sequence("submitted", ReferralStatus.SUBMITTED, submitted()),
				sequence("triage started", ReferralStatus.TRIAGE, submitted(), triageStarted()),
				sequence("triage started again after information was requested", ReferralStatus.INFO_REQUESTED,
						submitted(), triageStarted(), triaged("INFO_REQUESTED"), infoRequested(), triageStarted()),
				sequence("triage started read after the question", ReferralStatus.INFO_REQUESTED, submitted(),
						infoRequested(), triageStarted()),
				sequence("answered", ReferralStatus.TRIAGE, submitted(), triageStarted(), triaged("INFO_REQUESTED"),
						infoRequested(), infoProvided()),
				sequence("accepted", ReferralStatus.ACCEPTED, submitted(), triageStarted(), triaged("ACCEPTED")),
				sequence("exam waitlisted", ReferralStatus.WAITING_FOR_APPOINTMENT, submitted(), triageStarted(),
						triaged("ACCEPTED"), waitlisted("EXAM")),
				sequence("accepted after waitlisted", ReferralStatus.WAITING_FOR_APPOINTMENT, submitted(),
						triageStarted(), waitlisted("EXAM"), triaged("ACCEPTED")),
				sequence("acceptance sent again while waiting", ReferralStatus.WAITING_FOR_APPOINTMENT, submitted(),
						triageStarted(), triaged("ACCEPTED"), waitlisted("EXAM"), triaged("ACCEPTED")),
				sequence("waiting exam booked", ReferralStatus.ACCEPTED, submitted(), triageStarted(),
						triaged("ACCEPTED"), waitlisted("EXAM"), booked("EXAM", true)),
				sequence("booking sent again", ReferralStatus.ACCEPTED, submitted(), triageStarted(),
						triaged("ACCEPTED"), waitlisted("EXAM"), booked("EXAM", true), booked("EXAM", true)),
				sequence("exam booked at once", ReferralStatus.ACCEPTED, submitted(), triageStarted(),
						triaged("ACCEPTED"), booked("EXAM", false)),
				sequence("booked after the assessment began", ReferralStatus.IN_ASSESSMENT, submitted(),
						triageStarted(), triaged("ACCEPTED"), waitlisted("EXAM"), historyRecorded(),
						booked("EXAM", true)),
				sequence("exam completed", ReferralStatus.IN_ASSESSMENT, submitted(), triageStarted(),
						triaged("ACCEPTED"), waitlisted("EXAM"), booked("EXAM", true), historyRecorded(),
						examCompleted(), waitingListLeft("EXAM")),
				sequence("course waits and is booked after the close", ReferralStatus.COURSE_PLANNED, submitted(),
						triageStarted(), triaged("ACCEPTED"), historyRecorded(), examCompleted(),
						closed("COURSE_PLANNED"), waitlisted("COURSE"), booked("COURSE", true),
						waitingListLeft("COURSE")),
				sequence("closed", ReferralStatus.NOT_SUITABLE, submitted(), triageStarted(), triaged("ACCEPTED"),
						historyRecorded(), examCompleted(), closed("NOT_SUITABLE")),
				sequence("rejected and a late acceptance", ReferralStatus.REJECTED, submitted(), triageStarted(),
						triaged("REJECTED"), closed("REJECTED"), triaged("ACCEPTED")),
				sequence("no answer", ReferralStatus.NO_RESPONSE, submitted(), triageStarted(),
						triaged("INFO_REQUESTED"), infoRequested(), closed("NO_RESPONSE")),
				sequence("withdrawn while waiting", ReferralStatus.WITHDRAWN, submitted(), triageStarted(),
						triaged("ACCEPTED"), waitlisted("EXAM"), withdrawn(), closed("WITHDRAWN"),
						waitingListLeft("EXAM"), booked("EXAM", true)));
	}

	private static Sequence sequence(String name, ReferralStatus expected, Event... events) {
		return new Sequence(name, List.of(events), expected);
	}

	private static Event submitted() {
		return plain("ReferralSubmitted");
	}

	private static Event triageStarted() {
		return plain("ReferralTriageStarted");
	}

	private static Event triaged(String outcome) {
		return new Event("ReferralTriaged", outcome, null, false);
	}

	private static Event infoRequested() {
		return plain("ReferralInfoRequested");
	}

	private static Event infoProvided() {
		return plain("ReferralInfoProvided");
	}

	private static Event waitlisted(String purpose) {
		return new Event("AppointmentWaitlisted", null, purpose, false);
	}

	private static Event booked(String purpose, boolean fromWaitingList) {
		return new Event("SessionsScheduled", null, purpose, fromWaitingList);
	}

	private static Event waitingListLeft(String purpose) {
		return new Event("WaitingListLeft", null, purpose, false);
	}

	private static Event historyRecorded() {
		return plain("HistoryRecorded");
	}

	private static Event examCompleted() {
		return plain("ExamCompleted");
	}

	private static Event withdrawn() {
		return plain("ReferralWithdrawn");
	}

	private static Event closed(String outcome) {
		return new Event("ReferralClosed", outcome, null, false);
	}

	private static Event plain(String type) {
		return new Event(type, null, null, false);
	}

}
