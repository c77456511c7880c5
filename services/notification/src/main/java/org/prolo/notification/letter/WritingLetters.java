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
	 * @param sessionDates the booked course dates when already known, else empty
	 */
	public Letter closed(Addressee to, String outcome, String reasonCode, String noteToReferrer,
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
			text.append("\n\nReason code: ").append(reasonCode);
		}
		if (noteToReferrer != null && !noteToReferrer.isBlank()) {
			text.append("\n\nNote from the clinic:\n  ").append(noteToReferrer);
		}
		if ("COURSE_PLANNED".equals(outcome)) {
			text.append("\n\n")
				.append(sessionDates.isEmpty()
						? "The session dates follow in a separate letter as soon as they are booked."
						: plan(sessionDates));
		}
		return letter(to, LetterKind.CLOSED, "closed: " + outcome, text.toString());
	}

	public Letter sessionsScheduled(Addressee to, List<LocalDate> sessionDates) {
		return letter(to, LetterKind.SESSIONS_SCHEDULED, "treatment sessions booked",
				"The sessions of the planned prolotherapy course are booked.\n\n" + plan(sessionDates));
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
