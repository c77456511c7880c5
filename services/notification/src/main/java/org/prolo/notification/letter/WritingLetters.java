package org.prolo.notification.letter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The clinic's letter templates: one plain-text letter per thing the referrer must know.
 */
public final class WritingLetters {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

	private final String clinicName;

	private final ZoneId zone;

	public WritingLetters(String clinicName, ZoneId zone) {
		this.clinicName = clinicName;
		this.zone = zone;
	}

	public Letter accepted(Addressee to) {
		return letter(to, LetterKind.ACCEPTED, "accepted", """
				The clinic has accepted this referral for prolotherapy assessment.

				Next, a clinical coordinator records the pain history and a clinician examines your
				patient. We will write again when the referral reaches its outcome.""");
	}

	public Letter informationRequested(Addressee to, String question, Instant answerDueAt) {
		return letter(to, LetterKind.INFO_REQUESTED, "more information needed", """
				Before triage can decide on this referral, the clinic needs more information:

				  %s

				Please answer through the referral portal by %s. Without an answer by then,
				the referral closes without a decision.""".formatted(question, date(answerDueAt)));
	}

	/**
	 * The closing letter. A refusal gives the reason in words and the clinician's note; a
	 * planned course gives the plan and the booked dates.
	 * @param plan the planned course when known (COURSE_PLANNED), else null
	 * @param sessionDates the booked course dates when already known, else empty
	 */
	public Letter closed(Addressee to, String outcome, String reasonCode, String note, CoursePlan plan,
			List<LocalDate> sessionDates) {
		StringBuilder text = new StringBuilder(switch (outcome) {
			case "COURSE_PLANNED" -> "The clinic has planned a course of prolotherapy for your patient.";
			case "REJECTED" -> "The clinic did not accept this referral.";
			case "NOT_SUITABLE" -> "After assessment, prolotherapy is not suitable for your patient.";
			case "WITHDRAWN" -> "The referral was withdrawn, as you asked.";
			case "NO_RESPONSE" ->
				"The referral was closed because the information the clinic asked for did not arrive in time.";
			default -> "The referral is closed with the outcome " + outcome + ".";
		});
		if (reasonCode != null && !reasonCode.isBlank()) {
			text.append("\n\nWhy: ")
				.append(ReasonWording.sentence(reasonCode)
					.map(sentence -> sentence + "\n(Reason code " + reasonCode + ".)")
					.orElse("the clinic recorded the reason " + reasonCode + "."));
		}
		if (note != null && !note.isBlank()) {
			text.append("NOT_SUITABLE".equals(outcome) ? "\n\nNote from the clinician:\n  "
					: "\n\nNote from the clinic:\n  ")
				.append(note);
		}
		if ("COURSE_PLANNED".equals(outcome)) {
			if (plan != null) {
				text.append("\n\n").append(course(plan));
			}
			text.append("\n\n")
				.append(sessionDates.isEmpty()
						? "The session dates follow in a separate letter as soon as they are booked."
						: plan(sessionDates));
		}
		else {
			text.append("\n\nWhatever was booked or ordered for this referral (appointments, imaging) is "
					+ "cancelled; if there was any, a separate letter lists it.");
		}
		return letter(to, LetterKind.CLOSED, "closed: " + outcome, text.toString());
	}

	/**
	 * What a close cancelled, once the service that owned it has cancelled it.
	 * @param outcome the close that caused it
	 */
	public Letter cancellations(Addressee to, String outcome, List<Cancellation> cancelled) {
		StringBuilder text = new StringBuilder("Because the referral ").append(switch (String.valueOf(outcome)) {
			case "WITHDRAWN" -> "was withdrawn";
			case "REJECTED" -> "was not accepted";
			case "NOT_SUITABLE" -> "was found not suitable for prolotherapy";
			case "NO_RESPONSE" -> "closed without the information the clinic asked for";
			default -> "closed";
		}).append(", the clinic has cancelled:");
		for (Cancellation item : cancelled) {
			text.append("\n  - ").append(switch (item.what()) {
				case Cancellation.EXAM -> "the physical examination on " + DATE.format(item.date());
				case Cancellation.COURSE -> "prolotherapy session " + item.number() + " on " + DATE.format(item.date());
				case Cancellation.IMAGING ->
					"the imaging ordered for this referral (order " + item.orderId() + "), before it was reported";
				default -> item.what() + " " + item.number();
			});
		}
		boolean appointments = cancelled.stream().anyMatch(c -> !Cancellation.IMAGING.equals(c.what()));
		text.append(appointments ? "\n\nYour patient need not attend these appointments."
				: "\n\nYour patient need not attend for this imaging.");
		return letter(to, LetterKind.CANCELLATIONS, "bookings cancelled", text.toString());
	}

	/**
	 * Scheduling found no free slot: the referral is accepted and waits for an
	 * appointment.
	 * @param purpose EXAM or COURSE: what waits
	 * @param reasonCode why it waits, worded by {@link ReasonWording}
	 */
	public Letter waitlisted(Addressee to, String purpose, String reasonCode) {
		boolean course = "COURSE".equals(purpose);
		String what = course ? "The clinic has planned a course of prolotherapy for your patient"
				: "The clinic has accepted this referral for prolotherapy assessment";
		String appointment = course ? "its treatment sessions" : "the examination";
		String why = ReasonWording.sentence(reasonCode).orElse("the clinic recorded the reason " + reasonCode + ".");
		return letter(to, LetterKind.WAITLISTED, "accepted, waiting for an appointment", """
				%s, but the referral is waiting for an appointment: no date for %s can be offered yet.

				Why: %s

				Nothing is needed from you. We will write again with the date as soon as it is booked."""
			.formatted(what, appointment, why));
	}

	/** A referral that waited for its examination is booked now. */
	public Letter bookedFromWaitingList(Addressee to, LocalDate examDate) {
		return letter(to, LetterKind.BOOKED_FROM_WAITING_LIST, "examination booked",
				"The referral no longer waits: your patient's examination at the clinic is booked on "
						+ DATE.format(examDate) + ".\n\nThe clinic tells your patient the time.");
	}

	/** The course was booked again after the closing letter gave its dates. */
	public Letter sessionsScheduled(Addressee to, List<LocalDate> sessionDates) {
		return letter(to, LetterKind.SESSIONS_SCHEDULED, "treatment sessions booked",
				"The sessions of the planned prolotherapy course are booked on new dates, which replace those "
						+ "in earlier letters.\n\n" + plan(sessionDates));
	}

	private static String course(CoursePlan plan) {
		String dextrose = (plan.dextrosePercent() == Math.rint(plan.dextrosePercent()))
				? String.valueOf((long) plan.dextrosePercent()) : String.valueOf(plan.dextrosePercent());
		StringBuilder text = new StringBuilder("The course:\n  ").append(plan.sessions())
			.append(plan.sessions() == 1 ? " session" : " sessions")
			.append(", ")
			.append(plan.intervalWeeks() == 1 ? "every week" : "every " + plan.intervalWeeks() + " weeks")
			.append("\n  Dextrose strength: ")
			.append(dextrose)
			.append(" %");
		if (!plan.injectionSites().isEmpty()) {
			text.append("\n  Injection sites: ").append(String.join(", ", plan.injectionSites()));
		}
		return text.toString();
	}

	private String plan(List<LocalDate> dates) {
		StringBuilder plan = new StringBuilder("Planned sessions:");
		for (int i = 0; i < dates.size(); i++) {
			plan.append("\n  ").append(i + 1).append(". ").append(DATE.format(dates.get(i)));
		}
		return plan.toString();
	}

	private Letter letter(Addressee to, LetterKind kind, String what, String text) {
		String subject = "Referral " + to.referralId() + ": " + what;
		String body = """
				Dear %s,

				Re: your referral %s
				Patient (pseudonym): %s
				Condition: %s

				%s

				This letter names your patient by the pseudonym the clinic uses for the referral.

				Kind regards,
				%s
				""".formatted(to.referrerName(), to.referralId(), to.patientPseudonym(), to.condition(), text,
				clinicName);
		return new Letter(to.referralId(), kind, to.referrerEmail(), subject, body);
	}

	private String date(Instant instant) {
		return DATE.format(instant.atZone(zone).toLocalDate());
	}

}
