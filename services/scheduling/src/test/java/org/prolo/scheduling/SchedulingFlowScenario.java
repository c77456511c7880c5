package org.prolo.scheduling;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.prolo.events.AppointmentsCancelled;
import org.prolo.events.CancelledAppointment;
import org.prolo.events.CoursePlanned;
import org.prolo.events.ReferralClosed;
import org.prolo.events.ReferralTriaged;
import org.prolo.events.ScheduledSession;
import org.prolo.events.SessionsScheduled;
import org.prolo.events.codec.EventCodec;
import org.prolo.platform.events.EventProbe;
import org.prolo.platform.events.EventTopics;
import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.TestTokens;
import org.prolo.platform.testing.EventFlowScenario;
import org.prolo.platform.testing.TestEvents;
import org.prolo.platform.testing.WorkflowTopic;
import org.prolo.scheduling.booking.Appointment;
import org.prolo.scheduling.booking.Appointments;
import org.prolo.scheduling.booking.Purpose;
import org.prolo.scheduling.booking.SessionsBooked;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scheduling service end to end, as the workflow drives it: a real ReferralTriaged
 * (ACCEPTED) and CoursePlanned on the broker book the exam and the course on working
 * days, SessionsScheduled goes out for each, and the same records delivered again book
 * nothing. The clock stands on Friday 19 December 2025, so the course runs into the
 * Christmas closures. Run against the shared in-process broker with H2 and with the local
 * PostgreSQL server and, where Docker exists, against containers.
 */
// Every variant's listeners join consumer group "scheduling" on the one shared broker: a
// variant's context must stop after its class, or it takes the next variant's records
// into its own database.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		classes = { SchedulingApplication.class, SchedulingFlowScenario.FridayBeforeChristmas.class,
				WorkflowTopic.class },
		properties = "prolo.clinic.closed-days=2025-12-24..2025-12-26,2025-12-31,2026-01-01")
@Import(TestTokens.Decoder.class)
abstract class SchedulingFlowScenario extends EventFlowScenario {

	static final Instant NOW = Instant.parse("2025-12-19T10:00:00Z");

	static final Set<LocalDate> CLOSURES = Set.of(LocalDate.of(2025, 12, 24), LocalDate.of(2025, 12, 25),
			LocalDate.of(2025, 12, 26), LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 1));

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Autowired
	TestRestTemplate rest;

	@Autowired
	Appointments appointments;

	SchedulingFlowScenario() {
		super(TIMEOUT);
	}

	@Test
	void booksExamAndCourseOnWorkingDaysOnceWhateverTheDeliveries() throws Exception {
		String referralId = "ref-" + UUID.randomUUID();
		String bootstrap = bootstrapServers();

		List<JsonNode> bookings = acceptAndPlanCourse(referralId, 4);
		assertThat(bookings)
			.extracting(b -> b.get("purpose").asText() + " " + b.get("number").asInt() + " " + b.get("date").asText())
			.containsExactly("EXAM 1 2025-12-22", "COURSE 1 2025-12-29", "COURSE 2 2026-01-26", "COURSE 3 2026-02-23",
					"COURSE 4 2026-03-23");

		try (var probe = new EventProbe(bootstrap, EventTopics.SCHEDULING)) {
			List<SessionsScheduled> published = probe.awaitRecords(referralId, 2, TIMEOUT)
				.stream()
				.map(r -> (SessionsScheduled) EventCodec.published().decode(r.value()))
				.toList();
			SessionsScheduled exam = published.stream()
				.filter(e -> e.getPurpose().equals("EXAM"))
				.findFirst()
				.orElseThrow();
			SessionsScheduled course = published.stream()
				.filter(e -> e.getPurpose().equals("COURSE"))
				.findFirst()
				.orElseThrow();
			assertThat(exam.getSessions()).extracting(ScheduledSession::getDate)
				.containsExactly(LocalDate.of(2025, 12, 22));
			assertThat(course.getSessions()).extracting(ScheduledSession::getNumber).containsExactly(1, 2, 3, 4);
			assertThat(course.getSessions()).allSatisfy(s -> assertWorkingDay(s.getDate()));
			LocalDate first = course.getSessions().get(0).getDate();
			assertThat(first).isAfterOrEqualTo(LocalDate.of(2025, 12, 26));
			assertThat(course.getSessions())
				.allSatisfy(s -> assertThat(s.getDate()).isEqualTo(first.plusWeeks(4L * (s.getNumber() - 1))));
			assertThat(course.getScheduledAt()).isEqualTo(NOW);

			// The identical records again, same ce_id, as a rebalance or producer retry
			// delivers them.
			try (var workflow = new EventProbe(bootstrap, EventTopics.WORKFLOW)) {
				List<ConsumerRecord<String, byte[]>> originals = workflow.awaitRecords(referralId, 2, TIMEOUT);
				for (ConsumerRecord<String, byte[]> original : originals) {
					awaitConsumed(resend(original));
				}
			}

			assertThat(bookingsOf(referralId)).hasSize(5);
			assertThat(probe.seen().stream().filter(r -> referralId.equals(r.key()))).hasSize(2);

			// The registry sends the course's SessionsScheduled again, as after a crash
			// before its publication was marked complete: the copy keeps the ce_id, so
			// consumers drop it.
			resendPublication(SessionsBooked.class,
					booked -> booked.referralId().equals(referralId) && booked.purpose() == Purpose.COURSE);
			List<ConsumerRecord<String, byte[]>> records = probe.awaitRecords(referralId, 3, TIMEOUT);
			ConsumerRecord<String, byte[]> original = records.stream()
				.filter(r -> ((SessionsScheduled) EventCodec.published().decode(r.value())).getPurpose()
					.equals("COURSE"))
				.findFirst()
				.orElseThrow();
			assertRedeliveryOf(original, records.get(2));
		}
	}

	@Test
	void cancelsTheBookingsOfAWithdrawnReferralOnceAndFreesTheirSlots() throws Exception {
		String referralId = "ref-" + UUID.randomUUID();
		List<JsonNode> booked = acceptAndPlanCourse(referralId, 3);
		LocalDate examDay = LocalDate.parse(booked.get(0).get("date").asText());
		int bookedOnExamDay = appointments.bookedOn(examDay);

		RecordMetadata close = eventPublisher.publishAndWait(EventTopics.WORKFLOW, closed(referralId, "WITHDRAWN"))
			.getRecordMetadata();

		try (var probe = new EventProbe(bootstrapServers(), EventTopics.SCHEDULING)) {
			AppointmentsCancelled cancelled = probe.awaitFirst(referralId, 3, AppointmentsCancelled.class, TIMEOUT);
			assertThat(cancelled.getReason()).isEqualTo("WITHDRAWN");
			assertThat(cancelled.getCancelledAt()).isEqualTo(NOW);
			assertThat(cancelled.getAppointments())
				.extracting(a -> a.getPurpose() + " " + a.getNumber() + " " + a.getDate())
				.containsExactlyElementsOf(booked.stream()
					.map(b -> b.get("purpose").asText() + " " + b.get("number").asInt() + " " + b.get("date").asText())
					.toList());
			assertThat(cancelled.getAppointments()).extracting(CancelledAppointment::getAppointmentId)
				.doesNotContainNull()
				.doesNotHaveDuplicates();
			assertThat(bookingsOf(referralId)).hasSize(4)
				.allSatisfy(b -> assertThat(b.hasNonNull("cancelledAt")).isTrue());
			assertThat(appointments.bookedOn(examDay)).isEqualTo(bookedOnExamDay - 1);

			// The same close again (same ce_id), and the workflow publishing it again
			// under a new id: nothing left to cancel, nothing published.
			redeliver(close);
			awaitConsumed(eventPublisher.publishAndWait(EventTopics.WORKFLOW, closed(referralId, "WITHDRAWN"))
				.getRecordMetadata());
			// Two bookings and one cancellation: every outbox entry is stored in the
			// transaction of the record that caused it, so none can still be on its way.
			assertThat(publicationsOf(referralId)).isEqualTo(3);
			assertThat(probe.seen().stream().filter(r -> referralId.equals(r.key()))).hasSize(3);
			assertThat(bookingsOf(referralId)).hasSize(4);
		}
	}

	@Test
	void aCloseAfterTheExamCancelsOnlyTheAppointmentsStillToCome() throws Exception {
		String referralId = "ref-" + UUID.randomUUID();
		// The exam took place on Monday; the course's first session is today, the second
		// next month.
		LocalDate examDay = LocalDate.of(2025, 12, 15);
		appointments.add(
				List.of(new Appointment(referralId, Purpose.EXAM, 1, examDay),
						new Appointment(referralId, Purpose.COURSE, 1, LocalDate.of(2025, 12, 19)),
						new Appointment(referralId, Purpose.COURSE, 2, LocalDate.of(2026, 1, 16))),
				NOW.minusSeconds(864000));

		eventPublisher.publishAndWait(EventTopics.WORKFLOW, closed(referralId, "NOT_SUITABLE"));

		try (var probe = new EventProbe(bootstrapServers(), EventTopics.SCHEDULING)) {
			AppointmentsCancelled cancelled = probe.awaitRecords(referralId, 1, TIMEOUT)
				.stream()
				.map(r -> EventCodec.published().decode(r.value()))
				.map(AppointmentsCancelled.class::cast)
				.findFirst()
				.orElseThrow();
			assertThat(cancelled.getReason()).isEqualTo("NOT_SUITABLE");
			assertThat(cancelled.getAppointments())
				.extracting(a -> a.getPurpose() + " " + a.getNumber() + " " + a.getDate())
				.containsExactly("COURSE 1 2025-12-19", "COURSE 2 2026-01-16");
		}
		assertThat(appointments.of(referralId)).filteredOn(booked -> booked.appointment().purpose() == Purpose.EXAM)
			.singleElement()
			.satisfies(exam -> assertThat(exam.cancelledAt()).as("the exam that took place").isNull());
	}

	@Test
	void booksNothingForAReferralWithdrawnBeforeAnyBooking() throws Exception {
		String referralId = "ref-" + UUID.randomUUID();
		try (var probe = new EventProbe(bootstrapServers(), EventTopics.SCHEDULING)) {
			eventPublisher.publishAndWait(EventTopics.WORKFLOW, closed(referralId, "WITHDRAWN"));
			// A plan consumed after the close, as a replayed dead letter would be.
			eventPublisher.publishAndWait(EventTopics.WORKFLOW, triaged(referralId));
			awaitConsumed(eventPublisher.publishAndWait(EventTopics.WORKFLOW, coursePlanned(referralId, 3, 4))
				.getRecordMetadata());

			assertThat(bookingsOf(referralId)).isEmpty();
			assertThat(publicationsOf(referralId)).isZero();
			assertThat(probe.seen().stream().filter(r -> referralId.equals(r.key()))).isEmpty();
		}
	}

	@Test
	void keepsTheBookingsOfAPlannedCourseWhenTheReferralCloses() throws Exception {
		String referralId = "ref-" + UUID.randomUUID();
		acceptAndPlanCourse(referralId, 2);
		awaitConsumed(eventPublisher.publishAndWait(EventTopics.WORKFLOW, closed(referralId, "COURSE_PLANNED"))
			.getRecordMetadata());

		assertThat(bookingsOf(referralId)).hasSize(3)
			.allSatisfy(b -> assertThat(b.hasNonNull("cancelledAt")).isFalse());
		assertThat(publicationsOf(referralId)).isEqualTo(2);
	}

	private static void assertWorkingDay(LocalDate date) {
		assertThat(date.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
		assertThat(date).isNotIn(CLOSURES);
	}

	private static ReferralTriaged triaged(String referralId) {
		return TestEvents.referralTriaged(referralId, NOW, "ACCEPTED").build();
	}

	private static ReferralClosed closed(String referralId, String outcome) {
		return TestEvents.referralClosed(referralId, NOW, outcome).build();
	}

	private static CoursePlanned coursePlanned(String referralId, int sessions, int intervalWeeks) {
		return TestEvents.coursePlanned(referralId, NOW).setSessions(sessions).setIntervalWeeks(intervalWeeks).build();
	}

	/**
	 * The referral accepted and a course of sessions every four weeks planned: waits for
	 * the exam and the sessions to be booked.
	 */
	private List<JsonNode> acceptAndPlanCourse(String referralId, int sessions) {
		eventPublisher.publishAndWait(EventTopics.WORKFLOW, triaged(referralId));
		eventPublisher.publishAndWait(EventTopics.WORKFLOW, coursePlanned(referralId, sessions, 4));
		return awaitBookings(referralId, sessions + 1);
	}

	private List<JsonNode> awaitBookings(String referralId, int count) {
		return await().atMost(TIMEOUT).until(() -> bookingsOf(referralId), bookings -> bookings.size() >= count);
	}

	private List<JsonNode> bookingsOf(String referralId) {
		// A clinical coordinator, who arranges the sessions, reads them.
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.AUTHORIZATION, TestTokens.user("carl", Roles.CLINICAL_COORDINATORS));
		JsonNode all = rest
			.exchange("/api/referrals/{id}/appointments", HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class,
					referralId)
			.getBody();
		return StreamSupport.stream(all.spliterator(), false).toList();
	}

	/** A fixed clock on a Friday before the Christmas closures. */
	@TestConfiguration(proxyBeanMethods = false)
	static class FridayBeforeChristmas {

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

}
