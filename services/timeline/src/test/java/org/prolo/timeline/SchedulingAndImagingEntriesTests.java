package org.prolo.timeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.prolo.events.AppointmentWaitlisted;
import org.prolo.events.AppointmentsCancelled;
import org.prolo.events.CancelledAppointment;
import org.prolo.events.ImagingOrderClosed;
import org.prolo.events.ReferralClosed;
import org.prolo.events.ReferralTriaged;
import org.prolo.events.ReferralWithdrawn;
import org.prolo.events.ScheduledSession;
import org.prolo.events.SessionsScheduled;
import org.prolo.events.WaitingListLeft;
import org.prolo.platform.events.EventPublisher;
import org.prolo.platform.events.EventTopics;
import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.TestTokens;
import org.prolo.platform.testing.SharedBrokerSignIn;
import org.prolo.platform.testing.TestEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What scheduling and imaging report shows on the referral's timeline, read from the
 * shared in-process broker. What a close cancels (scheduling's AppointmentsCancelled,
 * imaging's ImagingOrderClosed) is an entry of its own that leaves the closing status as
 * it was; an accepted referral whose exam waits on scheduling's waiting list shows
 * WAITING_FOR_APPOINTMENT, as in intake, and ACCEPTED again once the exam is booked from
 * the list.
 */
@DirtiesContext
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:timeline-scheduling-imaging-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" })
@AutoConfigureMockMvc
@Import({ TestTokens.Decoder.class, SharedBrokerSignIn.class })
class SchedulingAndImagingEntriesTests {

	static final Instant T0 = Instant.parse("2025-05-01T08:00:00Z");

	@Autowired
	KafkaTemplate<String, Object> template;

	@Autowired
	MockMvc mvc;

	@Test
	void showsTheCancelledAppointmentsAndTheClosedImagingOrderOfAWithdrawnReferral() throws Exception {
		String id = "R-" + UUID.randomUUID();
		publish(0, "intake", EventTopics.INTAKE,
				ReferralWithdrawn.newBuilder().setReferralId(id).setWithdrawnAt(T0).setReferrerId("dr-ada").build());
		publish(1, "workflow", EventTopics.WORKFLOW, TestEvents.referralClosed(id, T0, "WITHDRAWN").build());
		publish(2, "scheduling", EventTopics.SCHEDULING,
				AppointmentsCancelled.newBuilder()
					.setReferralId(id)
					.setCancelledAt(T0)
					.setReason("WITHDRAWN")
					.setAppointments(List.of(new CancelledAppointment("41", "EXAM", 1, LocalDate.of(2025, 5, 2))))
					.build());
		publish(3, "imaging", EventTopics.IMAGING,
				ImagingOrderClosed.newBuilder()
					.setReferralId(id)
					.setOrderId("O-9")
					.setClosedAt(T0)
					.setReason("WITHDRAWN")
					.build());

		awaitEntries(id, 4).andExpect(jsonPath("$.status").value("WITHDRAWN"))
			.andExpect(jsonPath("$.entries[*].type")
				.value(contains("ReferralWithdrawn", "ReferralClosed", "AppointmentsCancelled", "ImagingOrderClosed")))
			.andExpect(jsonPath("$.entries[2].summary")
				.value("Appointments cancelled (referral WITHDRAWN): 1: EXAM 1 on 2025-05-02"))
			.andExpect(jsonPath("$.entries[2].source").value("/prolo/scheduling"))
			.andExpect(
					jsonPath("$.entries[3].summary").value("Imaging order O-9 closed unreported: referral WITHDRAWN"));
	}

	@Test
	void showsAWaitingReferralRemovedFromTheWaitingListWhenItCloses() throws Exception {
		String id = "R-" + UUID.randomUUID();
		publish(0, "workflow", EventTopics.WORKFLOW, TestEvents.referralClosed(id, T0, "WITHDRAWN").build());
		publish(1, "scheduling", EventTopics.SCHEDULING,
				WaitingListLeft.newBuilder()
					.setReferralId(id)
					.setLeftAt(T0)
					.setPurpose("EXAM")
					.setReason("REFERRAL_CLOSED")
					.setClosingOutcome("WITHDRAWN")
					.build());

		awaitEntries(id, 2).andExpect(jsonPath("$.status").value("WITHDRAWN"))
			.andExpect(jsonPath("$.entries[*].type").value(contains("ReferralClosed", "WaitingListLeft")))
			.andExpect(jsonPath("$.entries[1].summary")
				.value("EXAM removed from the waiting list (referral closed WITHDRAWN)"))
			.andExpect(jsonPath("$.entries[1].source").value("/prolo/scheduling"));
	}

	@Test
	void showsAWaitingExamUntilItIsBookedFromTheWaitingList() throws Exception {
		String id = "R-" + UUID.randomUUID();
		publish(0, "workflow", EventTopics.WORKFLOW,
				ReferralTriaged.newBuilder()
					.setReferralId(id)
					.setTriagedAt(T0)
					.setOutcome("ACCEPTED")
					.setTriagedBy("ingrid")
					.build());
		Instant waitlistedAt = T0.plusSeconds(3600);
		publish(1, "scheduling", EventTopics.SCHEDULING,
				AppointmentWaitlisted.newBuilder()
					.setReferralId(id)
					.setWaitlistedAt(waitlistedAt)
					.setPurpose("EXAM")
					.setReasonCode("CALENDAR_FULL")
					.setHorizonDays(366)
					.build());

		awaitEntries(id, 2).andExpect(jsonPath("$.status").value("WAITING_FOR_APPOINTMENT"))
			.andExpect(jsonPath("$.fhirStatus").value("in-progress"));

		publish(30, "scheduling", EventTopics.SCHEDULING,
				SessionsScheduled.newBuilder()
					.setReferralId(id)
					.setScheduledAt(T0.plusSeconds(30 * 3600))
					.setPurpose("EXAM")
					.setSessions(List.of(new ScheduledSession(1, LocalDate.of(2025, 5, 5))))
					.setWaitlistedAt(waitlistedAt)
					.build());

		awaitEntries(id, 3).andExpect(jsonPath("$.status").value("ACCEPTED"))
			.andExpect(jsonPath("$.entries[2].summary")
				.value("EXAM appointments booked (from the waiting list): 1, first on 2025-05-05"));
	}

	private ResultActions awaitEntries(String id, int count) throws Exception {
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> timeline(id).andExpect(status().isOk())
				.andExpect(jsonPath("$.entries.length()").value(count)));
		return timeline(id);
	}

	private ResultActions timeline(String id) throws Exception {
		return mvc.perform(get("/api/referrals/{id}/timeline", id).header(HttpHeaders.AUTHORIZATION,
				TestTokens.client("intake", Roles.TIMELINE_READ)));
	}

	private void publish(int hours, String service, String topic, SpecificRecord event) {
		Instant at = T0.plusSeconds(3600L * hours);
		new EventPublisher(template, "/prolo/" + service, Clock.fixed(at, ZoneOffset.UTC)).publishAndWait(topic, event);
	}

}
