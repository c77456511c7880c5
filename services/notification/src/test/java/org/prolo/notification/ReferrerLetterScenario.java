package org.prolo.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.prolo.events.AppointmentWaitlisted;
import org.prolo.events.AppointmentsCancelled;
import org.prolo.events.CancelledAppointment;
import org.prolo.events.CoursePlanned;
import org.prolo.events.ImagingOrderClosed;
import org.prolo.events.ReferralClosed;
import org.prolo.events.ReferralInfoRequested;
import org.prolo.events.ReferralSubmitted;
import org.prolo.events.ReferralTriaged;
import org.prolo.events.ReferrerNotified;
import org.prolo.events.ScheduledSession;
import org.prolo.events.SessionsScheduled;
import org.prolo.events.codec.EventCodec;
import org.prolo.notification.outbox.LetterWritten;
import org.prolo.notification.referrer.ReferrerContacts;
import org.prolo.platform.events.CloudEventHeaders;
import org.prolo.platform.events.EventProbe;
import org.prolo.platform.events.EventTopics;
import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.TestTokens;
import org.prolo.platform.testing.EventFlowScenario;
import org.prolo.platform.testing.TestEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The closed loop end to end: real Avro events in through the broker, real mail out
 * through the clinic's SMTP server as configured (no demo profile, so the service runs
 * none of its own), ReferrerNotified out on the broker. Each variant supplies the broker
 * and the database.
 */
// Every variant's listeners join consumer group "notification" on the one shared broker:
// a variant's context must stop after its class, or it takes the next variant's records
// into its own database.
@DirtiesContext
@SpringBootTest(properties = { "prolo.notification.outbox-retry=PT10M",
		// Far from UTC, so a date printed in the wrong zone shows.
		"prolo.clinic.time-zone=Pacific/Auckland" })
@AutoConfigureMockMvc
@Import(TestTokens.Decoder.class)
abstract class ReferrerLetterScenario extends EventFlowScenario {

	static final Duration PATIENCE = Duration.ofSeconds(60);

	static final int SMTP_PORT = TestSocketUtils.findAvailableTcpPort();

	/**
	 * The clinic's SMTP server, outside the service: a real one, shared by the variants
	 * (mails are told apart by their referral).
	 */
	static final GreenMail CLINIC_SMTP = clinicSmtp();

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	private static GreenMail clinicSmtp() {
		GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		return server;
	}

	GreenMail smtp = CLINIC_SMTP;

	@Autowired
	ApplicationContext context;

	@Autowired
	ReferrerContacts contacts;

	@Autowired
	MockMvc mvc;

	ReferrerLetterScenario() {
		super(PATIENCE);
	}

	@Test
	void sendsExactlyOneLetterAndOneReferrerNotifiedPerEventEvenWhenTheEventIsRedelivered() throws Exception {
		String referralId = referralOfAKnownReferrer();

		eventPublisher.publishAndWait(EventTopics.WORKFLOW,
				TestEvents.referralTriaged(referralId, now(), "ACCEPTED").build());
		ConsumerRecord<String, byte[]> triaged = redeliverFirstWorkflowRecord(referralId);
		// Same key, same partition: once this one's letter is out, the redelivery was
		// consumed.
		eventPublisher.publishAndWait(EventTopics.WORKFLOW,
				infoRequested(referralId, "Which conservative treatments were tried, and for how long?"));

		awaitNotifiedLetters(referralId, 2);

		assertAcceptedAndInfoRequestedMailed(referralId);
		MimeMessage accepted = mailAbout(referralId, "accepted");
		assertThat(String.valueOf(accepted.getContent())).contains(referralId);
		MimeMessage infoRequest = mailAbout(referralId, "more information needed");
		// Due at noon UTC on Tuesday 15 January 2030: already Wednesday in the clinic.
		assertThat(String.valueOf(infoRequest.getContent())).contains("by Wednesday 16 January 2030");

		try (var probe = new EventProbe(bootstrapServers(), EventTopics.NOTIFICATION)) {
			probe.awaitRecords(referralId, 2, PATIENCE);
			List<ReferrerNotified> notified = probe.seen()
				.stream()
				.filter(r -> referralId.equals(r.key()))
				.map(r -> (ReferrerNotified) EventCodec.published().decode(r.value()))
				.toList();
			assertThat(notified).extracting(n -> n.getLetterKind().toString())
				.containsExactlyInAnyOrder("ACCEPTED", "INFO_REQUESTED");
			ReferrerNotified acceptance = notified.stream()
				.filter(n -> n.getLetterKind().toString().equals("ACCEPTED"))
				.findFirst()
				.orElseThrow();
			assertThat(acceptance.getCausationEventId().toString())
				.isEqualTo(CloudEventHeaders.text(triaged.headers(), CloudEventHeaders.ID));
			assertThat(acceptance.getReferrerId().toString()).isEqualTo("dr-ada");
			assertThat(acceptance.getChannel().toString()).isEqualTo("EMAIL");
		}

		assertThat(mailsAbout(referralId)).filteredOn(mail -> subject(mail).endsWith(": accepted"))
			.singleElement()
			.satisfies(mail -> assertThat(mail.getAllRecipients()).extracting(String::valueOf)
				.containsExactly("dr.ada@clinic.example"));
		// Without the demo profile: no in-process SMTP server and no mailbox of its own.
		assertThat(context.getBeanNamesForType(GreenMail.class)).isEmpty();
		mvc.perform(get("/api/mailbox").header(HttpHeaders.AUTHORIZATION, intakeCoordinator()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/v3/api-docs").header(HttpHeaders.AUTHORIZATION, intakeCoordinator()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths").isNotEmpty());

		// A crash after the broker took the acceptance's ReferrerNotified but before
		// notified_at was stored: the registry hands the LetterWritten to the dispatcher
		// again. The letter is not mailed twice, and the announcement keeps its ce_id.
		String acceptanceLetter = jdbc.queryForObject(
				"select id from letters where referral_id = ? and kind = 'ACCEPTED'", String.class, referralId);
		jdbc.update("update letters set notified_at = null where id = ?", acceptanceLetter);
		resendPublication(LetterWritten.class, written -> written.letterId().equals(acceptanceLetter));
		try (var probe = new EventProbe(bootstrapServers(), EventTopics.NOTIFICATION)) {
			List<ConsumerRecord<String, byte[]>> records = probe.awaitRecords(referralId, 3, PATIENCE);
			ConsumerRecord<String, byte[]> original = records.stream()
				.filter(r -> ((ReferrerNotified) EventCodec.published().decode(r.value())).getLetterKind()
					.toString()
					.equals("ACCEPTED"))
				.findFirst()
				.orElseThrow();
			assertRedeliveryOf(original, records.get(2));
		}
		assertThat(mailsAbout(referralId)).hasSize(2);
	}

	@Test
	void keepsALetterWhoseReferrerIsNotKnownYetAndSendsItOnceWhenTheContactArrives() throws Exception {
		String referralId = "R-" + UUID.randomUUID();
		eventPublisher.publishAndWait(EventTopics.WORKFLOW,
				TestEvents.referralTriaged(referralId, now(), "ACCEPTED").build());
		// Wait until it is parked, so that the contact surely arrives second.
		await().atMost(PATIENCE).until(() -> pendingLettersOf(referralId) == 1);
		redeliverFirstWorkflowRecord(referralId);

		eventPublisher.publishAndWait(EventTopics.INTAKE, submitted(referralId));
		awaitNotifiedLetters(referralId, 1);
		// The redelivered ReferralTriaged shares the partition of a later workflow event:
		// once that event's letter is out, the redelivery was consumed, whether it came
		// before or after the contact.
		eventPublisher.publishAndWait(EventTopics.WORKFLOW,
				infoRequested(referralId, "Which conservative treatments were tried?"));
		awaitNotifiedLetters(referralId, 2);

		assertAcceptedAndInfoRequestedMailed(referralId);
		assertThat(pendingLettersOf(referralId)).isZero();
	}

	/**
	 * Sends the referral's first workflow record again, ce_id and all, as a broker
	 * redelivery would present it.
	 */
	private ConsumerRecord<String, byte[]> redeliverFirstWorkflowRecord(String referralId) {
		ConsumerRecord<String, byte[]> first;
		try (var probe = new EventProbe(bootstrapServers(), EventTopics.WORKFLOW)) {
			first = probe.awaitRecords(referralId, 1, PATIENCE).get(0);
		}
		resend(first);
		return first;
	}

	/** Waits until the referral has {@code count} letters, and each is notified. */
	private void awaitNotifiedLetters(String referralId, int count) {
		await().atMost(PATIENCE)
			.untilAsserted(() -> mvc
				.perform(get("/api/letters").param("referralId", referralId)
					.header(HttpHeaders.AUTHORIZATION, clinicalCoordinator()))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.length()").value(count))
				.andExpect(jsonPath("$[*].status").value(everyItem(is("NOTIFIED")))));
	}

	/** One mail each for the acceptance and the question, the acceptance to Dr Ada. */
	private void assertAcceptedAndInfoRequestedMailed(String referralId) throws Exception {
		assertThat(mailsAbout(referralId)).extracting(MimeMessage::getSubject)
			.containsExactlyInAnyOrder("Referral " + referralId + ": accepted",
					"Referral " + referralId + ": more information needed");
		MimeMessage accepted = mailAbout(referralId, "accepted");
		assertThat(accepted.getAllRecipients()[0].toString()).isEqualTo("dr.ada@clinic.example");
		assertThat(String.valueOf(accepted.getContent())).contains("Dear Dr Ada Lovelace", "P-7F3A");
	}

	private static ReferralInfoRequested infoRequested(String referralId, String question) {
		return ReferralInfoRequested.newBuilder()
			.setReferralId(referralId)
			.setRequestedAt(now())
			.setQuestion(question)
			.setAnswerDueAt(Instant.parse("2030-01-15T12:00:00Z"))
			.setRequestedBy("ingrid")
			.build();
	}

	@Test
	void writesTheCourseLetterOnceThePlanAndTheBookedDatesAreInWhicheverComesFirst() {
		List<LocalDate> dates = List.of(LocalDate.of(2030, 3, 4), LocalDate.of(2030, 4, 1));

		// The booked dates first, then the plan and the close.
		String datesFirst = referralOfAKnownReferrer();
		eventPublisher.publishAndWait(EventTopics.SCHEDULING, scheduled(datesFirst, dates));
		await().atMost(PATIENCE)
			.until(() -> jdbc.queryForObject("select count(*) from course_session where referral_id = ?", Integer.class,
					datesFirst) == 2);
		eventPublisher.publishAndWait(EventTopics.WORKFLOW, planned(datesFirst));
		eventPublisher.publishAndWait(EventTopics.WORKFLOW, closed(datesFirst, "COURSE_PLANNED", null, null));
		await().atMost(PATIENCE).until(() -> lettersOf(datesFirst).size() == 1);
		assertCourseLetter(lettersOf(datesFirst).get(0), "Monday 4 March 2030", "Monday 1 April 2030");

		// The plan and the close first: the letter waits for the dates.
		String closeFirst = referralOfAKnownReferrer();
		eventPublisher.publishAndWait(EventTopics.WORKFLOW, planned(closeFirst));
		eventPublisher.publishAndWait(EventTopics.WORKFLOW, closed(closeFirst, "COURSE_PLANNED", null, null));
		await().atMost(PATIENCE)
			.until(() -> jdbc.queryForObject("select count(*) from closing_letter_waiting where referral_id = ?",
					Integer.class, closeFirst) == 1);
		assertThat(lettersOf(closeFirst)).isEmpty();
		eventPublisher.publishAndWait(EventTopics.SCHEDULING, scheduled(closeFirst, dates));
		await().atMost(PATIENCE).until(() -> lettersOf(closeFirst).size() == 1);
		assertCourseLetter(lettersOf(closeFirst).get(0), "Monday 4 March 2030", "Monday 1 April 2030");

		// The same dates published again write nothing; new dates (a rebooking, same
		// partition, so consumed after) write a letter that replaces them.
		eventPublisher.publishAndWait(EventTopics.SCHEDULING, scheduled(closeFirst, dates));
		eventPublisher.publishAndWait(EventTopics.SCHEDULING,
				scheduled(closeFirst, List.of(LocalDate.of(2030, 3, 11), LocalDate.of(2030, 4, 8))));
		await().atMost(PATIENCE).until(() -> lettersOf(closeFirst).size() == 2);
		assertThat(lettersOf(closeFirst).get(1)).startsWith("SESSIONS_SCHEDULED")
			.contains("new dates", "1. Monday 11 March 2030", "2. Monday 8 April 2030");
		assertThat(lettersOf(closeFirst)).hasSize(2);
	}

	private static void assertCourseLetter(String letter, String... dates) {
		assertThat(letter).startsWith("CLOSED")
			.contains("planned a course", "5 sessions, every 4 weeks", "Dextrose strength: 25 %",
					"Injection sites: medial joint line, pes anserinus")
			.contains(dates)
			.doesNotContain("follow in a separate letter");
	}

	@Test
	void tellsTheReferrerWhyTheReferralWasRefusedAndWhatTheCloseCancelled() throws Exception {
		String referralId = referralOfAKnownReferrer();

		eventPublisher.publishAndWait(EventTopics.WORKFLOW,
				closed(referralId, "NOT_SUITABLE", "IMAGING_RED_FLAG", "Please arrange an orthopaedic review."));
		eventPublisher.publishAndWait(EventTopics.SCHEDULING,
				AppointmentsCancelled.newBuilder()
					.setReferralId(referralId)
					.setCancelledAt(now())
					.setReason("NOT_SUITABLE")
					.setAppointments(List.of(new CancelledAppointment("17", "EXAM", 1, LocalDate.of(2030, 3, 4))))
					.build());
		eventPublisher.publishAndWait(EventTopics.IMAGING,
				ImagingOrderClosed.newBuilder()
					.setReferralId(referralId)
					.setOrderId("O-42")
					.setClosedAt(now())
					.setReason("NOT_SUITABLE")
					.build());

		await().atMost(PATIENCE).until(() -> lettersOf(referralId).size() == 3);
		List<String> letters = lettersOf(referralId);
		assertThat(letters).filteredOn(l -> l.startsWith("CLOSED"))
			.singleElement()
			.asString()
			.contains("prolotherapy is not suitable", "Why: Imaging showed a red flag",
					"Note from the clinician:\n  Please arrange an orthopaedic review.", "a separate letter lists it");
		assertThat(letters).filteredOn(l -> l.startsWith("CANCELLATIONS"))
			.hasSize(2)
			.anySatisfy(l -> assertThat(l).contains("the physical examination on Monday 4 March 2030"))
			.anySatisfy(l -> assertThat(l).contains("the imaging ordered for this referral (order O-42)"));
		await().atMost(PATIENCE).until(() -> mailsAbout(referralId).size() == 3);
		assertThat(mailsAbout(referralId)).extracting(MimeMessage::getSubject)
			.contains("Referral " + referralId + ": bookings cancelled");
	}

	@Test
	void tellsTheReferrerThatTheReferralWaitsAndWhenItIsBooked() {
		String referralId = referralOfAKnownReferrer();

		eventPublisher.publishAndWait(EventTopics.SCHEDULING,
				AppointmentWaitlisted.newBuilder()
					.setReferralId(referralId)
					.setWaitlistedAt(now())
					.setPurpose("EXAM")
					.setReasonCode("CALENDAR_FULL")
					.setHorizonDays(366)
					.build());
		await().atMost(PATIENCE).until(() -> lettersOf(referralId).size() == 1);
		assertThat(lettersOf(referralId).get(0)).startsWith("WAITLISTED")
			.contains("accepted this referral", "waiting for an appointment",
					"Why: Every appointment the clinic can offer within the next year is taken");

		// The exam booked from the waiting list: a letter with its date. An exam booked
		// at once (no waitlistedAt) writes none, as before.
		eventPublisher.publishAndWait(EventTopics.SCHEDULING,
				SessionsScheduled.newBuilder()
					.setReferralId(referralId)
					.setScheduledAt(now())
					.setPurpose("EXAM")
					.setSessions(List.of(new ScheduledSession(1, LocalDate.of(2030, 3, 4))))
					.setWaitlistedAt(now())
					.build());
		await().atMost(PATIENCE).until(() -> lettersOf(referralId).size() == 2);
		assertThat(lettersOf(referralId).get(1)).startsWith("BOOKED_FROM_WAITING_LIST")
			.contains("no longer waits", "examination at the clinic is booked on Monday 4 March 2030");
		await().atMost(PATIENCE).until(() -> mailsAbout(referralId).size() == 2);
		assertThat(mailsAbout(referralId)).extracting(MimeMessage::getSubject)
			.containsExactlyInAnyOrder("Referral " + referralId + ": accepted, waiting for an appointment",
					"Referral " + referralId + ": examination booked");
	}

	/**
	 * A new referral, submitted through intake: the service knows its referrer's contact.
	 */
	private String referralOfAKnownReferrer() {
		String referralId = "R-" + UUID.randomUUID();
		eventPublisher.publishAndWait(EventTopics.INTAKE, submitted(referralId));
		await().atMost(PATIENCE).until(() -> contacts.find(referralId).isPresent());
		return referralId;
	}

	/** Kind and body of each letter of the referral, oldest first. */
	private List<String> lettersOf(String referralId) {
		return jdbc.query("select kind, body from letters where referral_id = ? order by written_at, id",
				(rs, n) -> rs.getString(1) + "\n" + rs.getString(2), referralId);
	}

	private static CoursePlanned planned(String referralId) {
		return TestEvents.coursePlanned(referralId, now()).build();
	}

	private static SessionsScheduled scheduled(String referralId, List<LocalDate> dates) {
		return SessionsScheduled.newBuilder()
			.setReferralId(referralId)
			.setScheduledAt(now())
			.setPurpose("COURSE")
			.setSessions(java.util.stream.IntStream.range(0, dates.size())
				.mapToObj(i -> new ScheduledSession(i + 1, dates.get(i)))
				.toList())
			.build();
	}

	private static ReferralClosed closed(String referralId, String outcome, String reasonCode, String note) {
		return ReferralClosed.newBuilder()
			.setReferralId(referralId)
			.setClosedAt(now())
			.setOutcome(outcome)
			.setReasonCode(reasonCode)
			.setNoteToReferrer(note)
			.build();
	}

	private int pendingLettersOf(String referralId) {
		return jdbc.queryForObject("select count(*) from pending_letter where referral_id = ?", Integer.class,
				referralId);
	}

	private List<MimeMessage> mailsAbout(String referralId) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains(referralId)).toList();
	}

	private MimeMessage mailAbout(String referralId, String subjectEnd) {
		return mailsAbout(referralId).stream().filter(m -> subject(m).endsWith(subjectEnd)).findFirst().orElseThrow();
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static ReferralSubmitted submitted(String referralId) {
		return TestEvents.referralSubmitted(referralId, now()).build();
	}

	static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

	/** Follows a referral, and with it what its referrer was told. */
	private static String clinicalCoordinator() {
		return TestTokens.user("carl", Roles.CLINICAL_COORDINATORS);
	}

	/** Owns the correspondence with referrers, and may read the whole mailbox. */
	private static String intakeCoordinator() {
		return TestTokens.user("ingrid", Roles.INTAKE_COORDINATORS);
	}

}
