package org.prolo.notification.letter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.prolo.notification.referrer.ReferrerContact;

import static org.assertj.core.api.Assertions.assertThat;

class WritingLettersTests {

	static final CoursePlan PLAN = new CoursePlan(5, 4, 25.0, List.of("medial joint line", "pes anserinus"));

	final WritingLetters writing = new WritingLetters("Prolotherapy clinic", ZoneOffset.UTC);

	final Addressee to = new Addressee("R-1001", "Dr Ada Lovelace", "dr.ada@clinic.example", "P-7F3A",
			"KNEE_OSTEOARTHRITIS");

	@Test
	void everyLetterNamesTheReferralAndThePatientByPseudonymOnly() {
		List<Letter> letters = List.of(writing.accepted(to),
				writing.informationRequested(to, "Which injections were tried?", Instant.parse("2025-05-16T00:00:00Z")),
				writing.closed(to, "REJECTED", "OUT_OF_SCOPE", "Please refer to orthopaedics.", null, List.of()),
				writing.closed(to, "COURSE_PLANNED", null, null, PLAN, List.of(LocalDate.of(2025, 6, 2))),
				writing.sessionsScheduled(to, List.of(LocalDate.of(2025, 6, 2))),
				writing.cancellations(to, "WITHDRAWN", List.of(Cancellation.imagingOrder("O-9"))),
				writing.waitlisted(to, "EXAM", "CALENDAR_FULL"),
				writing.bookedFromWaitingList(to, LocalDate.of(2025, 6, 2)));

		assertThat(letters).allSatisfy(letter -> {
			assertThat(letter.recipient()).isEqualTo("dr.ada@clinic.example");
			assertThat(letter.subject()).contains("R-1001").doesNotContain("P-7F3A");
			assertThat(letter.body()).contains("Dear Dr Ada Lovelace", "R-1001", "Patient (pseudonym): P-7F3A");
		});
	}

	@Test
	void noInputOfALetterCanCarryThePatientsName() {
		for (Class<?> input : List.of(Addressee.class, ReferrerContact.class, Letter.class, CoursePlan.class,
				Cancellation.class)) {
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
	void notSuitableLetterGivesThePolicyReasonInWordsAndTheCliniciansNote() {
		Letter letter = writing.closed(to, "NOT_SUITABLE", "ACTIVE_INFECTION", "Treat the infection first.", null,
				List.of());

		assertThat(letter.kind()).isEqualTo(LetterKind.CLOSED);
		assertThat(letter.subject()).contains("NOT_SUITABLE");
		assertThat(letter.body()).contains("prolotherapy is not suitable",
				"Why: There is an active infection at or near the treatment site; injecting there could spread it.",
				"(Reason code ACTIVE_INFECTION.)", "Note from the clinician:\n  Treat the infection first.");
	}

	@Test
	void overrideLetterGivesTheOverrideInWordsAndTheCliniciansNote() {
		Letter letter = writing.closed(to, "NOT_SUITABLE", "CLINICIAN_OVERRIDE",
				"Skin condition over the insertion sites.", null, List.of());

		assertThat(letter.body()).contains("prolotherapy is not suitable",
				"Why: The clinic's criteria would allow prolotherapy, but the examining clinician found it not suitable",
				"Note from the clinician:\n  Skin condition over the insertion sites.")
			.doesNotContain("the clinic recorded the reason");
	}

	/**
	 * The codes a closing can carry: the suitability table's reasonCode outputs, the
	 * rejection reasons triage's form offers, and the codes the workflow makes itself
	 * (quoted in its SuitabilityReview beside the suitability values).
	 */
	@Test
	void everyReasonCodeTheWorkflowCanEmitHasWords() throws IOException {
		String dmn = Files.readString(Path.of("../../bpmn/prolotherapy-suitability.dmn"));
		Set<String> codes = new TreeSet<>();
		Matcher output = Pattern.compile("OutputEntry_Suitability_\\d+_02\">\\s*<text>\"([A-Z_]+)\"</text>")
			.matcher(dmn);
		while (output.find()) {
			codes.add(output.group(1));
		}
		assertThat(codes).as("the table's reason codes").hasSize(12);
		new ObjectMapper().readTree(Path.of("../../bpmn/triage.form").toFile())
			.findParents("key")
			.stream()
			.filter(field -> field.path("key").asText().equals("reasonCode"))
			.flatMap(field -> field.path("values").findValuesAsText("value").stream())
			.forEach(codes::add);
		Matcher quoted = Pattern.compile("\"([A-Z][A-Z_]+)\"")
			.matcher(Files
				.readString(Path.of("../workflow/src/main/java/org/prolo/workflow/lifecycle/SuitabilityReview.java")));
		while (quoted.find()) {
			codes.add(quoted.group(1));
		}
		codes.removeAll(Set.of("SUITABLE", "NOT_SUITABLE", "SPECIALIST_REVIEW"));

		assertThat(codes).contains("CLINICIAN_OVERRIDE", "SURGICAL_OPINION_NEEDED", "OUT_OF_SCOPE")
			.allSatisfy(code -> assertThat(ReasonWording.sentence(code)).as(code)
				.hasValueSatisfying(sentence -> assertThat(sentence).endsWith(".").doesNotContain("_")));
	}

	@Test
	void rejectionLetterGivesTheTriageReasonInWordsAndTheNote() {
		Letter letter = writing.closed(to, "REJECTED", "OUT_OF_SCOPE", "Please refer to orthopaedics.", null,
				List.of());

		assertThat(letter.body()).contains("did not accept this referral",
				"Why: The referral asks for care the clinic does not provide",
				"Note from the clinic:\n  Please refer to orthopaedics.");
	}

	@Test
	void aReasonCodeTheClinicHasNoWordsForIsQuotedAsItIs() {
		assertThat(writing.closed(to, "REJECTED", "SEE_NOTE", "Called you.", null, List.of()).body())
			.contains("Why: the clinic recorded the reason SEE_NOTE.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ACTIVE_INFECTION", "MALIGNANCY_AT_SITE", "IMAGING_RED_FLAG", "ALLERGY_TO_INJECTATE",
			"NOT_CHRONIC", "SURGICAL_OPINION_NEEDED", "BLEEDING_RISK", "PREGNANCY", "GLYCAEMIC_CONTROL",
			"CONDITION_OUTSIDE_PROTOCOL", "CONSERVATIVE_CARE_NOT_TRIED", "INDICATED", "OUT_OF_SCOPE",
			"INSUFFICIENT_INFORMATION", "DUPLICATE_REFERRAL", "URGENT_CARE_NEEDED" })
	void everyPolicyAndTriageReasonCodeHasASentenceWithoutTheCodeInIt(String reasonCode) {
		assertThat(ReasonWording.sentence(reasonCode)).hasValueSatisfying(
				sentence -> assertThat(sentence).endsWith(".").doesNotContain(reasonCode).doesNotContain("_"));
		assertThat(
				ReasonWording.SUITABILITY_CODES.contains(reasonCode) || ReasonWording.TRIAGE_CODES.contains(reasonCode))
			.isTrue();
	}

	@Test
	void waitingLetterSaysTheReferralWaitsAndWhyForTheExamAndForACourse() {
		Letter exam = writing.waitlisted(to, "EXAM", "CALENDAR_FULL");
		Letter course = writing.waitlisted(to, "COURSE", "CALENDAR_FULL");

		assertThat(exam.kind()).isEqualTo(LetterKind.WAITLISTED);
		assertThat(exam.subject()).isEqualTo("Referral R-1001: accepted, waiting for an appointment");
		assertThat(exam.body()).contains("accepted this referral", "waiting for an appointment",
				"no date for the examination", "Why: " + ReasonWording.sentence("CALENDAR_FULL").orElseThrow(),
				"We will write again");
		assertThat(course.body()).contains("planned a course", "no date for its treatment sessions");
	}

	@Test
	void bookedLetterGivesTheExamDate() {
		Letter letter = writing.bookedFromWaitingList(to, LocalDate.of(2025, 6, 2));

		assertThat(letter.kind()).isEqualTo(LetterKind.BOOKED_FROM_WAITING_LIST);
		assertThat(letter.body()).contains("no longer waits", "booked on Monday 2 June 2025");
	}

	@Test
	void everySchedulingReasonHasASentence() {
		assertThat(ReasonWording.SCHEDULING_CODES).containsExactly("CALENDAR_FULL")
			.allSatisfy(code -> assertThat(ReasonWording.sentence(code))
				.hasValueSatisfying(sentence -> assertThat(sentence).endsWith(".").doesNotContain("_")));
	}

	@Test
	void theSuitabilityCodesAreThoseOfTheClinicalPolicy() {
		assertThat(ReasonWording.SUITABILITY_CODES).hasSize(12)
			.allSatisfy(code -> assertThat(ReasonWording.sentence(code)).isPresent());
		assertThat(ReasonWording.TRIAGE_CODES).allSatisfy(code -> assertThat(ReasonWording.sentence(code)).isPresent());
	}

	@Test
	void everyReasonTriageOffersHasASentence() throws IOException {
		var form = new ObjectMapper().readTree(Path.of("../../bpmn/triage.form").toFile());
		List<String> offered = form.findParents("key")
			.stream()
			.filter(field -> field.path("key").asText().equals("reasonCode"))
			.flatMap(field -> field.path("values").findValuesAsText("value").stream())
			.toList();

		assertThat(offered).isNotEmpty().containsExactlyInAnyOrderElementsOf(ReasonWording.TRIAGE_CODES);
	}

	@Test
	void courseLetterGivesThePlanAndTheBookedDates() {
		Letter letter = writing.closed(to, "COURSE_PLANNED", null, null, PLAN,
				List.of(LocalDate.of(2025, 6, 2), LocalDate.of(2025, 6, 30)));

		assertThat(letter.body()).contains("planned a course", "5 sessions, every 4 weeks", "Dextrose strength: 25 %",
				"Injection sites: medial joint line, pes anserinus", "1. Monday 2 June 2025", "2. Monday 30 June 2025")
			.doesNotContain("Why:", "cancelled");
	}

	@Test
	void courseLetterWritesAFractionalStrengthAsItIs() {
		assertThat(writing
			.closed(to, "COURSE_PLANNED", null, null, new CoursePlan(1, 1, 12.5, List.of()),
					List.of(LocalDate.of(2025, 6, 2)))
			.body()).contains("1 session, every week", "Dextrose strength: 12.5 %").doesNotContain("Injection sites");
	}

	@Test
	void closingLetterWithoutACourseSaysThatWhatWasBookedIsCancelledAndListedSeparately() {
		assertThat(writing.closed(to, "WITHDRAWN", null, null, null, List.of()).body())
			.contains("withdrawn, as you asked", "is cancelled; if there was any, a separate letter lists it");
	}

	@Test
	void cancellationLetterListsTheAppointmentsAndTheImagingOrder() {
		Letter letter = writing.cancellations(to, "NOT_SUITABLE",
				List.of(Cancellation.appointment("EXAM", 1, LocalDate.of(2025, 12, 22)),
						Cancellation.appointment("COURSE", 2, LocalDate.of(2026, 1, 26)),
						Cancellation.imagingOrder("O-9")));

		assertThat(letter.kind()).isEqualTo(LetterKind.CANCELLATIONS);
		assertThat(letter.subject()).isEqualTo("Referral R-1001: bookings cancelled");
		assertThat(letter.body()).contains("Because the referral was found not suitable for prolotherapy",
				"  - the physical examination on Monday 22 December 2025",
				"  - prolotherapy session 2 on Monday 26 January 2026",
				"  - the imaging ordered for this referral (order O-9), before it was reported",
				"need not attend these appointments");
	}

	@Test
	void cancellationsSurviveBeingKeptAsText() {
		List<Cancellation> cancelled = List.of(Cancellation.appointment("COURSE", 3, LocalDate.of(2026, 2, 23)),
				Cancellation.imagingOrder("0b8e5a3c-1f2d-4e5f-9a6b-7c8d9e0f1a2b"));

		assertThat(Cancellation.decode(Cancellation.encode(cancelled))).isEqualTo(cancelled);
		assertThat(Cancellation.decode(null)).isEmpty();
	}

}
