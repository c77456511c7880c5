package org.prolo.intake;

import java.time.Instant;
import java.time.LocalDate;

import org.prolo.intake.referral.Referral;
import org.prolo.intake.referral.ReferralDraft;
import org.prolo.intake.referral.ReferralIdentities;
import org.prolo.intake.referral.ReferralProgress;
import org.prolo.intake.referral.Referrals;
import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.FakeService;
import org.prolo.platform.security.testing.TestTokens;
import org.prolo.platform.testing.SharedBrokerSignIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Intake's HTTP side through MockMvc: the real use cases, H2 and the production security
 * filter chain, trusting {@link TestTokens}; the identity service's token endpoint and
 * the timeline service are a {@link FakeService}, where any referral has a two-event
 * timeline unless a test chose otherwise. The classes that extend it share one context.
 * Its Kafka listeners never start, so it never joins consumer group "intake" on the
 * shared broker and may stay cached. The rate limit is raised here: these tests submit as
 * a few physicians in one context, and the limit has tests of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.kafka.listener.auto-startup=false",
		"spring.datasource.url=jdbc:h2:mem:intake-http-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
		"intake.submissions.rate-limit.burst=1000", "intake.timeline-timeout=PT2S" })
@AutoConfigureMockMvc
@AutoConfigureObservability(tracing = false)
@Import({ TestTokens.Decoder.class, SharedBrokerSignIn.class })
public abstract class IntakeHttpContext {

	protected static final FakeService TIMELINE = FakeService.start("intake", Roles.TIMELINE_READ);

	static {
		TIMELINE.otherwise(path -> FakeService.Answer.json(200,
				"""
						{"referralId":"%s","status":"ACCEPTED","fhirStatus":"in-progress","entries":[
						 {"at":"2025-05-02T09:00:00Z","type":"ReferralSubmitted","summary":"Submitted by dr-ada: KNEE_OSTEOARTHRITIS, ROUTINE","source":"/prolo/intake"},
						 {"at":"2025-05-02T14:30:00Z","type":"ReferralTriaged","summary":"Triaged: ACCEPTED by ingrid","source":"/prolo/workflow"}]}"""
					.formatted(path.split("/")[3])));
	}

	/** The timeline service's path of a referral's timeline. */
	protected static String timelinePath(String referralId) {
		return "/api/referrals/" + referralId + "/timeline";
	}

	/** A valid JSON referral by dr-ada. */
	protected static final String ADA_REFERRAL = """
			{"referrer":{"id":"dr-ada","name":"Dr Ada Lovelace","email":"ada@referrers.example"},
			 "patient":{"pseudonym":"P-1a2b3c4d","name":"Demo Patient 1","birthDate":"1970-01-01","address":"1 Demo Street"},
			 "condition":"KNEE_OSTEOARTHRITIS","bodySite":"left knee","painDurationMonths":9,"priorConservativeCare":true,
			 "anticoagulated":false,"allergyToInjectate":false,"pregnant":false,"uncontrolledDiabetes":false,
			 "activeInfectionAtSite":false,"malignancyAtSite":false,"urgency":"ROUTINE","notes":"free text"}
			""";

	/** The same referral as a FHIR ServiceRequest, without an identifier. */
	protected static final String ADA_SERVICE_REQUEST = """
			{"resourceType": "ServiceRequest", "status": "active", "intent": "order", "priority": "routine",
			 "contained": [
			   {"resourceType": "Practitioner", "id": "referrer",
			    "identifier": [{"system": "https://prolo.example/fhir/sid/referrer", "value": "dr-ada"}],
			    "name": [{"text": "Dr Ada Lovelace"}], "telecom": [{"system": "email", "value": "ada@referrers.example"}]},
			   {"resourceType": "Patient", "id": "patient", "name": [{"text": "Demo Patient 1"}], "birthDate": "1970-01-01",
			    "address": [{"text": "1 Demo Street"}]}],
			 "requester": {"reference": "#referrer"},
			 "subject": {"reference": "#patient"},
			 "reasonCode": [{"coding": [{"system": "http://snomed.info/sct", "code": "239873007"}]}],
			 "bodySite": [{"coding": [{"system": "http://snomed.info/sct", "code": "72696002"}], "text": "left knee"}],
			 "extension": [
			   {"url": "https://prolo.example/fhir/StructureDefinition/pain-duration-months", "valueInteger": 9},
			   {"url": "https://prolo.example/fhir/StructureDefinition/prior-conservative-care", "valueBoolean": true},
			   {"url": "https://prolo.example/fhir/StructureDefinition/anticoagulated", "valueBoolean": false},
			   {"url": "https://prolo.example/fhir/StructureDefinition/allergy-to-injectate", "valueBoolean": false},
			   {"url": "https://prolo.example/fhir/StructureDefinition/pregnant", "valueBoolean": false},
			   {"url": "https://prolo.example/fhir/StructureDefinition/uncontrolled-diabetes", "valueBoolean": false},
			   {"url": "https://prolo.example/fhir/StructureDefinition/active-infection-at-site", "valueBoolean": false},
			   {"url": "https://prolo.example/fhir/StructureDefinition/malignancy-at-site", "valueBoolean": false}]}
			""";

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected Referrals referrals;

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("prolo.security.internal-uri", TIMELINE::url);
		registry.add("intake.timeline-url", TIMELINE::url);
	}

	/**
	 * A SUBMITTED referral of the given physician, stored directly (no HTTP, no rate
	 * limit, no audit row).
	 */
	protected String submittedBy(String referrerId) {
		Referral referral = Referral.submit(ReferralIdentities.newReferralId(), draftOf(referrerId), "P-00000000",
				Instant.now());
		referrals.add(referral);
		return referral.id();
	}

	/** A referral of the given physician on which triage asked a question. */
	protected String awaitingInformationFrom(String referrerId) {
		String id = submittedBy(referrerId);
		Referral asked = referrals.findById(id)
			.orElseThrow()
			.progress(new ReferralProgress.InformationRequested("Latest X-ray?", Instant.now()));
		referrals.update(asked);
		return id;
	}

	/** A request to the running service over real HTTP. */
	protected HttpCall http(String method, String path) {
		return HttpCall.to(port, method, path);
	}

	static ReferralDraft draftOf(String referrerId) {
		return new ReferralDraft(referrerId, "Dr " + referrerId, referrerId + "@referrers.example", "P-1a2b3c4d",
				"Demo Patient 1", LocalDate.of(1970, 1, 1), "1 Demo Street", "KNEE_OSTEOARTHRITIS", "left knee", 9,
				true, false, false, false, false, false, false, "ROUTINE", "free text");
	}

}
