package org.prolo.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.prolo.events.AppointmentWaitlisted;
import org.prolo.events.CoursePlanned;
import org.prolo.events.ExamCompleted;
import org.prolo.events.ReferralClosed;
import org.prolo.events.ReferralSubmitted;
import org.prolo.events.ReferralTriaged;
import org.prolo.events.SessionsScheduled;
import org.prolo.events.WaitingListLeft;
import org.prolo.events.codec.EventCodec;
import org.prolo.platform.events.EventProbe;
import org.prolo.platform.events.EventTopics;
import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.TestTokens;
import org.prolo.platform.testing.EventFlowScenario;
import org.prolo.platform.testing.TestEvents;
import org.prolo.platform.testing.WorkflowTopic;
import org.prolo.scheduling.waitinglist.WaitingListMetrics;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A clinic whose calendar has one slot in the whole horizon: the clock stands on Friday
 * 19 December 2025, every working day but Monday 22 December is closed until 2027, and
 * the clinic takes one booking a day. The first accepted referral takes the slot, the
 * next ones wait (event and row, never a dead letter), and capacity added by a clinic
 * lead or freed by a withdrawal books them, urgent first, then the longest waiting.
 */
// Each scenario starts from an empty calendar: both take and add the one day's slots.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		classes = { SchedulingApplication.class, WaitingListScenario.OneSlotCalendar.class, WorkflowTopic.class },
		properties = { "prolo.clinic.closed-days=2025-12-23..2026-12-22,2026-12-23..2027-01-31",
				"prolo.scheduling.slots-per-day=1",
				// The periodic pass stays out of the way: the scenario drives every pass.
				"prolo.scheduling.waiting-list-sweep-delay=PT1H" })
@Import(TestTokens.Decoder.class)
@AutoConfigureObservability(tracing = false)
abstract class WaitingListScenario extends EventFlowScenario {

	static final Instant NOW = Instant.parse("2025-12-19T10:00:00Z");

	static final LocalDate ONLY_DAY = LocalDate.of(2025, 12, 22);

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Autowired
	TestRestTemplate rest;

	@Autowired
	WaitingListMetrics metrics;

	WaitingListScenario() {
		super(TIMEOUT);
	}

	@Test
	void waitlistsWhenTheCalendarIsFullAndBooksAsCapacityAppears() throws Exception {
		String bootstrap = bootstrapServers();
		String first = "ref-" + UUID.randomUUID();
		String routine = "ref-" + UUID.randomUUID();
		String urgent = "ref-" + UUID.randomUUID();
		eventPublisher.publishAndWait(EventTopics.INTAKE, submitted(routine, "pt-routine", "ROUTINE"));
		eventPublisher.publishAndWait(EventTopics.INTAKE, submitted(urgent, "pt-urgent", "URGENT"));
		// Intake's and the workflow's topics are consumed independently: the urgency must
		// be
		// known before the acceptance arrives, as it is when a referral is triaged days
		// later.
		await().atMost(TIMEOUT)
			.until(() -> jdbc.queryForObject("select count(*) from referral where referral_id in (?, ?)", Integer.class,
					routine, urgent) == 2);

		try (var probe = new EventProbe(bootstrap, EventTopics.SCHEDULING)) {
			eventPublisher.publishAndWait(EventTopics.WORKFLOW, triaged(first));
			assertThat(awaitBookings(first)).extracting(b -> b.get("date").asText())
				.containsExactly(ONLY_DAY.toString());

			// The calendar is full: the next two wait, the routine one longer.
			eventPublisher.publishAndWait(EventTopics.WORKFLOW, triaged(routine));
			AppointmentWaitlisted waitlisted = (AppointmentWaitlisted) decode(
					probe.awaitRecords(routine, 1, TIMEOUT).get(0));
			assertThat(waitlisted.getPurpose()).isEqualTo("EXAM");
			assertThat(waitlisted.getReasonCode()).isEqualTo("CALENDAR_FULL");
			assertThat(waitlisted.getWaitlistedAt()).isEqualTo(NOW);
			eventPublisher.publishAndWait(EventTopics.WORKFLOW, triaged(urgent));
			probe.awaitRecords(urgent, 1, TIMEOUT);

			assertThat(bookingsOf(routine)).isEmpty();
			assertThat(openEntries()).containsExactlyInAnyOrder(routine, urgent);
			List<JsonNode> waiting = waitingList(TestTokens.user("ines", Roles.INTAKE_COORDINATORS));
			assertThat(waiting).extracting(w -> w.get("referralId").asText()).containsExactly(urgent, routine);
			assertThat(waiting).extracting(w -> w.get("patientPseudonym").asText())
				.containsExactly("pt-urgent", "pt-routine");
			assertThat(waiting).extracting(w -> w.get("urgency").asText()).containsExactly("URGENT", "ROUTINE");
			assertThat(waiting).extracting(w -> w.get("daysWaiting").asLong()).containsOnly(0L);

			metrics.refresh();
			assertThat(gauge("prolo_waiting_list_length", "EXAM")).isEqualTo("2.0");
			assertThat(gauge("prolo_waiting_list_length", "COURSE")).isEqualTo("0.0");
			assertThat(gauge("prolo_waiting_list_oldest_wait_seconds", "EXAM")).isNotNull();

			// A clinic lead adds one slot: the urgent referral takes it at once.
			JsonNode added = addSlots(ONLY_DAY, 1);
			assertThat(added.get("extraSlots").asInt()).isEqualTo(1);
			assertThat(added.get("booked")).extracting(JsonNode::asText).containsExactly(urgent);
			assertThat(bookingsOf(urgent)).extracting(b -> b.get("date").asText()).containsExactly(ONLY_DAY.toString());
			SessionsScheduled booked = (SessionsScheduled) decode(probe.awaitRecords(urgent, 2, TIMEOUT).get(1));
			assertThat(booked.getWaitlistedAt()).isEqualTo(NOW);
			assertThat(openEntries()).containsExactly(routine);

			// The first referral is withdrawn: its freed slot goes to the one still
			// waiting.
			eventPublisher.publishAndWait(EventTopics.WORKFLOW, closed(first, "WITHDRAWN"));
			await().atMost(TIMEOUT).until(() -> bookingsOf(routine).size() == 1);
			assertThat(openEntries()).isEmpty();
			assertThat(decode(probe.awaitRecords(routine, 2, TIMEOUT).get(1))).isInstanceOf(SessionsScheduled.class);

			metrics.refresh();
			assertThat(gauge("prolo_waiting_list_length", "EXAM")).isEqualTo("0.0");
		}
		assertThat(jdbc.queryForObject(
				"select count(*) from appointment where appointment_date = ? " + "and cancelled_at is null",
				Integer.class, ONLY_DAY))
			.isEqualTo(2);
	}

	@Test
	void examinedWhileWaitingLeavesTheExamWaitingListAndIsNeverBookedAnExam() throws Exception {
		String bootstrap = bootstrapServers();
		String first = "ref-" + UUID.randomUUID();
		String examined = "ref-" + UUID.randomUUID();
		try (var probe = new EventProbe(bootstrap, EventTopics.SCHEDULING)) {
			eventPublisher.publishAndWait(EventTopics.WORKFLOW, triaged(first));
			awaitBookings(first);
			eventPublisher.publishAndWait(EventTopics.WORKFLOW, triaged(examined));
			probe.awaitRecords(examined, 1, TIMEOUT);
			assertThat(openEntries()).containsExactly(examined);

			// Examined (as a walk-in) while waiting, then a course planned: the stale
			// exam
			// entry goes, and the course, which finds no slot, waits instead.
			eventPublisher.publishAndWait(EventTopics.WORKFLOW, examCompleted(examined));
			WaitingListLeft examDone = (WaitingListLeft) decode(probe.awaitRecords(examined, 2, TIMEOUT).get(1));
			assertThat(examDone.getPurpose()).isEqualTo("EXAM");
			assertThat(examDone.getReason()).isEqualTo("EXAM_COMPLETED");
			assertThat(openEntries()).isEmpty();
			eventPublisher.publishAndWait(EventTopics.WORKFLOW, coursePlanned(examined));
			AppointmentWaitlisted course = (AppointmentWaitlisted) decode(
					probe.awaitRecords(examined, 3, TIMEOUT).get(2));
			assertThat(course.getPurpose()).isEqualTo("COURSE");

			// Capacity appears, and the acceptance is delivered again under a new id:
			// still
			// no exam for a referral whose exam has happened.
			assertThat(addSlots(ONLY_DAY, 1).get("booked")).isEmpty();
			String again = UUID.randomUUID().toString();
			eventPublisher.publishAndWait(EventTopics.WORKFLOW, triaged(examined), again);
			eventPublisher.publishAndWait(EventTopics.WORKFLOW, closed(first, "WITHDRAWN"));
			await().atMost(TIMEOUT)
				.until(() -> jdbc.queryForObject(
						"select count(*) from appointment where referral_id = ? " + "and cancelled_at is not null",
						Integer.class, first) == 1
						&& jdbc.queryForObject("select count(*) from processed_event where event_id = ?", Integer.class,
								again) == 1);
			assertThat(bookingsOf(examined)).isEmpty();
			assertThat(jdbc.queryForList("select purpose from waiting_entry where referral_id = ? "
					+ "and booked_at is null and removed_at is null", String.class, examined))
				.containsExactly("COURSE");
			// No referral holds a booking and an open entry for the same purpose.
			assertThat(jdbc.queryForObject("select count(*) from waiting_entry w join appointment a "
					+ "on a.referral_id = w.referral_id and a.purpose = w.purpose and a.cancelled_at is null "
					+ "where w.booked_at is null and w.removed_at is null", Integer.class))
				.isZero();

			// Withdrawn while its course waits: it leaves the list, and says so.
			eventPublisher.publishAndWait(EventTopics.WORKFLOW, closed(examined, "WITHDRAWN"));
			WaitingListLeft left = (WaitingListLeft) decode(probe.awaitRecords(examined, 4, TIMEOUT).get(3));
			assertThat(left.getPurpose()).isEqualTo("COURSE");
			assertThat(left.getReason()).isEqualTo("REFERRAL_CLOSED");
			assertThat(left.getClosingOutcome()).isEqualTo("WITHDRAWN");
		}
		assertThat(openEntries()).isEmpty();
	}

	@Test
	void onlyClinicLeadsAddCapacityAndOnlyOnWorkingDaysAhead() {
		HttpHeaders coordinator = json(TestTokens.user("ines", Roles.INTAKE_COORDINATORS));
		assertThat(rest
			.exchange("/api/capacity", HttpMethod.POST,
					new HttpEntity<>(Map.of("date", ONLY_DAY.toString(), "slots", 1), coordinator), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(rest
			.exchange("/api/waiting-list", HttpMethod.GET,
					new HttpEntity<>(json(TestTokens.user("cleo", Roles.CLINICIANS))), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		HttpHeaders lead = json(TestTokens.user("leo", Roles.CLINIC_LEADS));
		var closedDay = rest.exchange("/api/capacity", HttpMethod.POST,
				new HttpEntity<>(Map.of("date", "2026-01-05", "slots", 1), lead), JsonNode.class);
		assertThat(closedDay.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(closedDay.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(rest
			.exchange("/api/capacity", HttpMethod.POST,
					new HttpEntity<>(Map.of("date", "2025-12-19", "slots", 1), lead), JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(rest
			.exchange("/api/capacity", HttpMethod.POST,
					new HttpEntity<>(Map.of("date", ONLY_DAY.toString(), "slots", 0), lead), JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	private List<String> openEntries() {
		return jdbc.queryForList("select referral_id from waiting_entry where booked_at is null and removed_at is null",
				String.class);
	}

	private JsonNode addSlots(LocalDate day, int slots) {
		return rest
			.exchange("/api/capacity", HttpMethod.POST,
					new HttpEntity<>(Map.of("date", day.toString(), "slots", slots),
							json(TestTokens.user("leo", Roles.CLINIC_LEADS))),
					JsonNode.class)
			.getBody();
	}

	private List<JsonNode> waitingList(String token) {
		JsonNode all = rest.exchange("/api/waiting-list", HttpMethod.GET, new HttpEntity<>(json(token)), JsonNode.class)
			.getBody();
		return StreamSupport.stream(all.spliterator(), false).toList();
	}

	/** The value of a gauge's series for the purpose on /actuator/prometheus, or null. */
	private String gauge(String name, String purpose) {
		return prometheus().lines()
			.filter(line -> line.startsWith(name + "{") && line.contains("purpose=\"" + purpose + "\""))
			.map(line -> line.substring(line.lastIndexOf(' ') + 1))
			.findFirst()
			.orElse(null);
	}

	private String prometheus() {
		return rest
			.exchange("/actuator/prometheus", HttpMethod.GET,
					new HttpEntity<>(json(TestTokens.client("prometheus", Roles.METRICS_READ))), String.class)
			.getBody();
	}

	private static HttpHeaders json(String token) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.AUTHORIZATION, token);
		headers.setContentType(MediaType.APPLICATION_JSON);
		return headers;
	}

	private List<JsonNode> awaitBookings(String referralId) {
		return await().atMost(TIMEOUT).until(() -> bookingsOf(referralId), bookings -> !bookings.isEmpty());
	}

	private List<JsonNode> bookingsOf(String referralId) {
		JsonNode all = rest
			.exchange("/api/referrals/{id}/appointments", HttpMethod.GET,
					new HttpEntity<>(json(TestTokens.user("carl", Roles.CLINICAL_COORDINATORS))), JsonNode.class,
					referralId)
			.getBody();
		return StreamSupport.stream(all.spliterator(), false).toList();
	}

	private static Object decode(ConsumerRecord<String, byte[]> record) {
		return EventCodec.published().decode(record.value());
	}

	private static ReferralTriaged triaged(String referralId) {
		return TestEvents.referralTriaged(referralId, NOW, "ACCEPTED").build();
	}

	private static ExamCompleted examCompleted(String referralId) {
		return ExamCompleted.newBuilder()
			.setReferralId(referralId)
			.setCompletedAt(NOW)
			.setLigamentLaxity(true)
			.setJointStable(true)
			.setRangeOfMotion("full")
			.setImagingNeeded(false)
			.setExaminedBy("clinician-1")
			.build();
	}

	private static CoursePlanned coursePlanned(String referralId) {
		return TestEvents.coursePlanned(referralId, NOW)
			.setPatientPseudonym("pt-examined")
			.setSessions(3)
			.setDextrosePercent(15)
			.build();
	}

	private static ReferralClosed closed(String referralId, String outcome) {
		return TestEvents.referralClosed(referralId, NOW, outcome).build();
	}

	private static ReferralSubmitted submitted(String referralId, String pseudonym, String urgency) {
		return TestEvents.referralSubmitted(referralId, NOW)
			.setReferrerId("dr-1")
			.setReferrerName("Dr Example")
			.setReferrerEmail("dr@example.org")
			.setPatientPseudonym(pseudonym)
			.setBodySite("knee")
			.setPainDurationMonths(12)
			.setUrgency(urgency)
			.build();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class OneSlotCalendar {

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

		@Bean
		NewTopic intakeTopic() {
			return TopicBuilder.name(EventTopics.INTAKE).partitions(3).build();
		}

	}

}
