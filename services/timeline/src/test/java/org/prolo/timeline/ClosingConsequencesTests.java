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
import org.prolo.events.AppointmentsCancelled;
import org.prolo.events.CancelledAppointment;
import org.prolo.events.ImagingOrderClosed;
import org.prolo.events.ReferralClosed;
import org.prolo.events.ReferralWithdrawn;
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
 * What a close cancels shows on the referral's timeline: scheduling's
 * AppointmentsCancelled and imaging's ImagingOrderClosed, read from the shared in-process
 * broker, each an entry of its own that leaves the closing status as it was.
 */
@DirtiesContext
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:timeline-closing-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" })
@AutoConfigureMockMvc
@Import({ TestTokens.Decoder.class, SharedBrokerSignIn.class })
class ClosingConsequencesTests {

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

		awaitTimeline(id, 4).andExpect(jsonPath("$.status").value("WITHDRAWN"))
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

		awaitTimeline(id, 2).andExpect(jsonPath("$.status").value("WITHDRAWN"))
			.andExpect(jsonPath("$.entries[*].type").value(contains("ReferralClosed", "WaitingListLeft")))
			.andExpect(jsonPath("$.entries[1].summary")
				.value("EXAM removed from the waiting list (referral closed WITHDRAWN)"))
			.andExpect(jsonPath("$.entries[1].source").value("/prolo/scheduling"));
	}

	/**
	 * The referral's timeline as intake reads it, once it has that many entries.
	 */
	private ResultActions awaitTimeline(String id, int entries) throws Exception {
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> timeline(id).andExpect(status().isOk())
				.andExpect(jsonPath("$.entries.length()").value(entries)));
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
