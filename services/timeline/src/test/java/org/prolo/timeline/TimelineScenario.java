package org.prolo.timeline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.prolo.events.CoursePlanned;
import org.prolo.events.ExamCompleted;
import org.prolo.events.HistoryRecorded;
import org.prolo.events.ImagingReported;
import org.prolo.events.ImagingRequested;
import org.prolo.events.ReferralClosed;
import org.prolo.events.ReferralSubmitted;
import org.prolo.events.ReferralTriageStarted;
import org.prolo.events.ReferralTriaged;
import org.prolo.events.ReferrerNotified;
import org.prolo.events.ScheduledSession;
import org.prolo.events.SessionsScheduled;
import org.prolo.events.SuitabilityDecided;
import org.prolo.platform.events.EventProbe;
import org.prolo.platform.events.EventPublisher;
import org.prolo.platform.events.EventTopics;
import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.TestTokens;
import org.prolo.platform.testing.MovingClock;
import org.prolo.platform.testing.Redelivery;
import org.prolo.platform.testing.TestEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A referral's whole life through the broker, published by the real EventPublisher of
 * each producing service, with a clock the test sets so that stage durations are known.
 * Each variant supplies the broker and the database; each context sees only this
 * referral, so the key figures are exact.
 */
// Every variant's listeners join consumer group "timeline" on the one shared broker: a
// variant's context must stop after its class, or it takes the next variant's records
// into its own database.
@DirtiesContext
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestTokens.Decoder.class)
abstract class TimelineScenario {

	static final Duration PATIENCE = Duration.ofSeconds(60);

	static final Instant T0 = Instant.parse("2025-05-01T08:00:00Z");

	@Autowired
	KafkaTemplate<String, Object> template;

	@Autowired
	MockMvc mvc;

	abstract String bootstrapServers();

	final MovingClock clock = new MovingClock(T0);

	@Test
	void recordsAReferralsLifeInOrderOnceAndMeasuresItsStages() throws Exception {
		String id = "R-" + UUID.randomUUID();
		publish(0, "intake", EventTopics.INTAKE, TestEvents.referralSubmitted(id, at(0)).build());
		publish(1, "workflow", EventTopics.WORKFLOW,
				ReferralTriageStarted.newBuilder().setReferralId(id).setStartedAt(at(1)).build());
		publish(5, "workflow", EventTopics.WORKFLOW,
				ReferralTriaged.newBuilder()
					.setReferralId(id)
					.setTriagedAt(at(5))
					.setOutcome("ACCEPTED")
					.setTriagedBy("ingrid")
					.build());
		// The workflow events after it share its partition, so by the time they are on
		// the timeline the redelivery has been consumed.
		redeliverLast(id, EventTopics.WORKFLOW);
		publish(29, "workflow", EventTopics.WORKFLOW,
				HistoryRecorded.newBuilder()
					.setReferralId(id)
					.setRecordedAt(at(29))
					.setPainLocation("medial knee")
					.setPainDurationMonths(9)
					.setPainScore(7)
					.setPriorConservativeCare(true)
					.setAnticoagulated(false)
					.setAllergyToInjectate(false)
					.setPregnant(false)
					.setUncontrolledDiabetes(false)
					.setRecordedBy("nina")
					.build());
		publish(77, "workflow", EventTopics.WORKFLOW,
				ExamCompleted.newBuilder()
					.setReferralId(id)
					.setCompletedAt(at(77))
					.setLigamentLaxity(true)
					.setJointStable(true)
					.setRangeOfMotion("full")
					.setImagingNeeded(true)
					.setExaminedBy("dr-chen")
					.build());
		publish(78, "workflow", EventTopics.WORKFLOW,
				ImagingRequested.newBuilder()
					.setReferralId(id)
					.setRequestedAt(at(78))
					.setPatientPseudonym("P-7F3A")
					.setModality("ULTRASOUND")
					.setBodyRegion("knee")
					.setClinicalQuestion("Tear?")
					.setRequestedBy("dr-chen")
					.build());
		publish(126, "imaging", EventTopics.IMAGING,
				ImagingReported.newBuilder()
					.setReferralId(id)
					.setReportedAt(at(126))
					.setOrderId("O-1")
					.setRedFlag(false)
					.setFullThicknessTear(false)
					.setReport("No tear.")
					.build());
		publish(130, "workflow", EventTopics.WORKFLOW,
				SuitabilityDecided.newBuilder()
					.setReferralId(id)
					.setDecidedAt(at(130))
					.setDmnSuitability("SUITABLE")
					.setDmnReasonCode("INDICATED")
					.setDmnDecisionVersion(1)
					.setDecision("SUITABLE")
					.setOverridden(false)
					.setDecidedBy("dr-chen")
					.build());
		publish(150, "workflow", EventTopics.WORKFLOW, TestEvents.coursePlanned(id, at(150)).build());
		publish(151, "scheduling", EventTopics.SCHEDULING,
				SessionsScheduled.newBuilder()
					.setReferralId(id)
					.setScheduledAt(at(151))
					.setPurpose("COURSE")
					.setSessions(List.of(new ScheduledSession(1, LocalDate.of(2025, 5, 12)),
							new ScheduledSession(2, LocalDate.of(2025, 6, 9))))
					.build());
		publish(152, "workflow", EventTopics.WORKFLOW,
				ReferralClosed.newBuilder()
					.setReferralId(id)
					.setClosedAt(at(152))
					.setOutcome("COURSE_PLANNED")
					.build());
		publish(153, "notification", EventTopics.NOTIFICATION,
				ReferrerNotified.newBuilder()
					.setReferralId(id)
					.setNotifiedAt(at(153))
					.setReferrerId("dr-ada")
					.setLetterKind("CLOSED")
					.setChannel("EMAIL")
					.setCausationEventId("ce-closed")
					.build());
		// Arrives after the closing: the referral stays closed.
		publish(160, "imaging", EventTopics.IMAGING,
				ImagingReported.newBuilder()
					.setReferralId(id)
					.setReportedAt(at(160))
					.setOrderId("O-2")
					.setRedFlag(false)
					.setFullThicknessTear(false)
					.setReport("Addendum.")
					.build());

		await().atMost(PATIENCE)
			.untilAsserted(() -> mvc
				.perform(get("/api/referrals/{id}/timeline", id).header(HttpHeaders.AUTHORIZATION, intakeService()))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.entries.length()").value(13)));
		mvc.perform(get("/api/referrals/{id}/timeline", id).header(HttpHeaders.AUTHORIZATION, intakeService()))
			.andExpect(jsonPath("$.status").value("COURSE_PLANNED"))
			.andExpect(jsonPath("$.fhirStatus").value("completed"))
			.andExpect(jsonPath("$.entries[*].type")
				.value(contains("ReferralSubmitted", "ReferralTriageStarted", "ReferralTriaged", "HistoryRecorded",
						"ExamCompleted", "ImagingRequested", "ImagingReported", "SuitabilityDecided", "CoursePlanned",
						"SessionsScheduled", "ReferralClosed", "ReferrerNotified", "ImagingReported")))
			.andExpect(jsonPath("$.entries[0].at").value("2025-05-01T08:00:00Z"))
			.andExpect(jsonPath("$.entries[0].source").value("/prolo/intake"))
			.andExpect(jsonPath("$.entries[1].summary").value("Triage started"))
			.andExpect(jsonPath("$.entries[2].summary").value("Triaged: ACCEPTED by ingrid"))
			.andExpect(jsonPath("$.entries[10].summary").value("Closed: COURSE_PLANNED"));

		mvc.perform(get("/api/kpis").header(HttpHeaders.AUTHORIZATION, clinicLead()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.referrals").value(1))
			.andExpect(jsonPath("$.open").value(0))
			.andExpect(jsonPath("$.outcomes.COURSE_PLANNED").value(1))
			.andExpect(jsonPath("$.stages[*].stage")
				.value(contains("triage", "history", "exam", "imaging", "suitability", "course planning")))
			.andExpect(jsonPath("$.stages[*].count").value(contains(1, 1, 1, 1, 1, 1)))
			.andExpect(jsonPath("$.stages[*].medianHours").value(contains(5.0, 24.0, 48.0, 48.0, 4.0, 20.0)))
			.andExpect(jsonPath("$.stages[*].p90Hours").value(contains(5.0, 24.0, 48.0, 48.0, 4.0, 20.0)));

		mvc.perform(get("/api/referrals/{id}/timeline", "R-unknown").header(HttpHeaders.AUTHORIZATION, intakeService()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/v3/api-docs").header(HttpHeaders.AUTHORIZATION, clinicLead()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths").isNotEmpty());
	}

	private void publish(int hours, String service, String topic, SpecificRecord event) {
		clock.set(at(hours));
		new EventPublisher(template, "/prolo/" + service, clock).publishAndWait(topic, event);
	}

	/**
	 * Sends the topic's last record of this referral again, byte for byte with its ce_id.
	 */
	private void redeliverLast(String referralId, String topic) {
		ConsumerRecord<String, byte[]> last;
		try (var probe = new EventProbe(bootstrapServers(), topic)) {
			last = probe.awaitRecords(referralId, 1, PATIENCE).get(0);
		}
		Redelivery.resend(bootstrapServers(), last);
	}

	/** Intake shows a physician the timeline of their referral with its client token. */
	private static String intakeService() {
		return TestTokens.client("intake", Roles.TIMELINE_READ);
	}

	/** Clinic leads watch the key figures. */
	private static String clinicLead() {
		return TestTokens.user("leo", Roles.CLINIC_LEADS);
	}

	static Instant at(int hours) {
		return T0.plus(Duration.ofHours(hours));
	}

}
