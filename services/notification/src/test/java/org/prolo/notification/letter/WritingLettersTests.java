package org.prolo.notification.letter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.prolo.notification.referrer.ReferrerContact;

import static org.assertj.core.api.Assertions.assertThat;

class WritingLettersTests {

	final WritingLetters writing = new WritingLetters("Prolotherapy clinic", ZoneOffset.UTC);

	final Addressee to = new Addressee("R-1001", "Dr Ada Lovelace", "dr.ada@clinic.example", "P-7F3A",
			"KNEE_OSTEOARTHRITIS");

	@Test
	void everyLetterNamesTheReferralAndThePatientByPseudonymOnly() {
		List<Letter> letters = List.of(writing.accepted(to),
				writing.informationRequested(to, "Which injections were tried?", Instant.parse("2025-05-16T00:00:00Z")),
				writing.closed(to, "REJECTED", "OUT_OF_SCOPE", "Please refer to orthopaedics.", List.of()),
				writing.sessionsScheduled(to, List.of(LocalDate.of(2025, 6, 2))));

		assertThat(letters).allSatisfy(letter -> {
			assertThat(letter.recipient()).isEqualTo("dr.ada@clinic.example");
			assertThat(letter.subject()).contains("R-1001").doesNotContain("P-7F3A");
			assertThat(letter.body()).contains("Dear Dr Ada Lovelace", "R-1001", "Patient (pseudonym): P-7F3A");
		});
	}

	@Test
	void noInputOfALetterCanCarryThePatientsName() {
		for (Class<?> input : List.of(Addressee.class, ReferrerContact.class, Letter.class)) {
			assertThat(Arrays.stream(input.getRecordComponents()).map(c -> c.getName().toLowerCase()))
				.as("fields of %s", input.getSimpleName())
				.noneMatch(name -> name.startsWith("patient") && !name.equals("patientpseudonym"))
				.noneMatch(name -> name.contains("birth") || name.contains("address"));
		}
	}

	@Test
	void infoRequestAsksTheQuestionAndGivesTheDueDate() {
		Letter letter = writing.informationRequested(to, "Which injections were tried?",
				Instant.parse("2025-05-16T10:00:00Z"));

		assertThat(letter.kind()).isEqualTo(LetterKind.INFO_REQUESTED);
		assertThat(letter.body()).contains("Which injections were tried?", "Friday 16 May 2025");
	}

	@Test
	void closingLetterGivesTheOutcomeTheReasonAndTheNote() {
		Letter letter = writing.closed(to, "NOT_SUITABLE", "ACTIVE_INFECTION", "Treat the infection first.", List.of());

		assertThat(letter.kind()).isEqualTo(LetterKind.CLOSED);
		assertThat(letter.subject()).contains("NOT_SUITABLE");
		assertThat(letter.body()).contains("prolotherapy is not suitable", "Reason code: ACTIVE_INFECTION",
				"Treat the infection first.");
	}

	@Test
	void closingLetterOfAPlannedCourseListsTheDatesWhenKnown() {
		Letter letter = writing.closed(to, "COURSE_PLANNED", null, null,
				List.of(LocalDate.of(2025, 6, 2), LocalDate.of(2025, 6, 30)));

		assertThat(letter.body()).contains("planned a course", "1. Monday 2 June 2025", "2. Monday 30 June 2025")
			.doesNotContain("Reason code");
	}

	@Test
	void closingLetterOfAPlannedCourseAnnouncesTheDatesWhenNotYetBooked() {
		assertThat(writing.closed(to, "COURSE_PLANNED", null, null, List.of()).body())
			.contains("follow in a separate letter");
	}

}
