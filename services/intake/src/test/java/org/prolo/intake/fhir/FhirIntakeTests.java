package org.prolo.intake.fhir;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.AdditionalRequestHeadersInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.NewTopic;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestIntent;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestPriority;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prolo.events.AppointmentWaitlisted;
import org.prolo.events.ReferralClosed;
import org.prolo.events.ReferralInfoRequested;
import org.prolo.events.ReferralSubmitted;
import org.prolo.events.ReferralTriaged;
import org.prolo.events.ScheduledSession;
import org.prolo.events.SessionsScheduled;
import org.prolo.events.codec.EventCodec;
import org.prolo.platform.events.EventProbe;
import org.prolo.platform.events.EventPublisher;
import org.prolo.platform.events.EventTopics;
import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.TestTokens;
import org.prolo.platform.testing.SharedBrokerSignIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * An EHR's view of intake: FHIR R4 over HTTP with HAPI's generic client against the
 * running service, signed in as the referring physician (dr-grace for the generic
 * client's orders, dr-ada for the README's example), on the in-process broker and H2,
 * with the workflow's events fed in as the workflow would send them.
 */
// This context joins consumer group "intake" on the shared broker; closed after the class
// so that no other context of this JVM shares the group with it (IntakeIntegrationTests
// does the same).
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:intake-fhir-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
		"prolo.events.retry-backoff=10ms" })
@Import({ FhirIntakeTests.WorkflowTopic.class, TestTokens.Decoder.class, SharedBrokerSignIn.class })
class FhirIntakeTests {

	static final Duration PATIENCE = Duration.ofSeconds(30);

	static final FhirContext FHIR = FhirContext.forR4();

	static final String SNOMED = "http://snomed.info/sct";

	static final String EXTENSION = "https://prolo.example/fhir/StructureDefinition/";

	/** The README's example, as an EHR would send it. */
	static final String EXAMPLE = """
			{"resourceType": "ServiceRequest",
			 "identifier": [{"system": "https://ehr.example/referrals", "value": "%s"}],
			 "status": "active", "intent": "order", "priority": "routine",
			 "contained": [
			   {"resourceType": "Practitioner", "id": "referrer",
			    "identifier": [{"system": "https://prolo.example/fhir/sid/referrer", "value": "dr-ada"}],
			    "name": [{"text": "Dr Ada Lovelace"}],
			    "telecom": [{"system": "email", "value": "ada@referrers.example"}]},
			   {"resourceType": "Patient", "id": "patient",
			    "name": [{"text": "Jane Example"}], "birthDate": "1970-01-01",
			    "address": [{"text": "1 Demo Street"}]}],
			 "requester": {"reference": "#referrer"},
			 "subject": {"reference": "#patient",
			   "identifier": {"system": "https://prolo.example/fhir/sid/patient-pseudonym", "value": "P-1a2b3c4d"}},
			 "reasonCode": [{"coding": [{"system": "http://snomed.info/sct", "code": "239873007",
			   "display": "Osteoarthritis of knee"}]}],
			 "bodySite": [{"coding": [{"system": "http://snomed.info/sct", "code": "72696002",
			   "display": "Knee region structure"}], "text": "left knee"}],
			 "note": [{"text": "Pain on stairs for 9 months"}],
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

	/** The same referral through the JSON API. */
	static final String JSON = """
			{"referrer":{"id":"dr-ada","name":"Dr Ada Lovelace","email":"ada@referrers.example"},
			 "patient":{"pseudonym":"P-1a2b3c4d","name":"Jane Example","birthDate":"1970-01-01","address":"1 Demo Street"},
			 "condition":"KNEE_OSTEOARTHRITIS","bodySite":"left knee","painDurationMonths":9,"priorConservativeCare":true,
			 "anticoagulated":false,"allergyToInjectate":false,"pregnant":false,"uncontrolledDiabetes":false,
			 "activeInfectionAtSite":false,"malignancyAtSite":false,"urgency":"ROUTINE","notes":"Pain on stairs for 9 months"}
			""";

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate http;

	@Autowired
	EventPublisher publisher;

	@Autowired
	KafkaConnectionDetails kafka;

	final EventCodec codec = EventCodec.published();

	IGenericClient client;

	@BeforeEach
	void connect() {
		FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
		client = FHIR.newRestfulGenericClient("http://localhost:" + port + "/fhir");
		var signIn = new AdditionalRequestHeadersInterceptor();
		signIn.addHeaderValue(HttpHeaders.AUTHORIZATION,
				TestTokens.person("dr-grace", "Dr Grace Hopper", "grace@referrers.example", Roles.PHYSICIAN));
		client.registerInterceptor(signIn);
	}

	@Test
	void submitsAServiceRequestAndFollowsItsTaskThroughTheWorkflow() {
		MethodOutcome created = client.create().resource(serviceRequest("order-" + UUID.randomUUID())).execute();

		assertThat(created.getResponseStatusCode()).isEqualTo(201);
		assertThat(created.getId().getResourceType()).isEqualTo("ServiceRequest");
		String id = created.getId().getIdPart();
		assertThat(id).startsWith("R-");
		assertThat(created.getResponseHeaders().get("location")).singleElement()
			.asString()
			.endsWith("/fhir/ServiceRequest/" + id);

		ServiceRequest read = client.read().resource(ServiceRequest.class).withId(id).execute();
		assertThat(read.getStatus()).isEqualTo(ServiceRequestStatus.ACTIVE);
		assertThat(read.getPriority()).isEqualTo(ServiceRequestPriority.URGENT);
		assertThat(read.getSubject().getIdentifier().getValue()).isEqualTo("P-fhir0001");
		assertThat(read.getReasonCodeFirstRep().getCoding()).extracting(Coding::getSystem, Coding::getCode)
			.contains(org.assertj.core.groups.Tuple.tuple(SNOMED, "202855006"),
					org.assertj.core.groups.Tuple.tuple(ConditionCodes.POLICY_CONDITIONS, "LATERAL_EPICONDYLOSIS"));
		assertThat(read.getBodySiteFirstRep().getText()).isEqualTo("right elbow");
		assertThat(((IntegerType) read.getExtensionByUrl(EXTENSION + "pain-duration-months").getValue()).getValue())
			.isEqualTo(7);
		assertThat(((BooleanType) read.getExtensionByUrl(EXTENSION + "anticoagulated").getValue()).booleanValue())
			.isTrue();
		Practitioner referrer = (Practitioner) read.getContained()
			.stream()
			.filter(Practitioner.class::isInstance)
			.findFirst()
			.orElseThrow();
		assertThat(referrer.getTelecomFirstRep().getValue()).isEqualTo("grace@referrers.example");

		Task task = taskOf(id);
		assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
		assertThat(task.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("SUBMITTED");
		assertThat(task.getBasedOnFirstRep().getReference()).isEqualTo("ServiceRequest/" + id);

		publisher.publishAndWait(EventTopics.WORKFLOW,
				ReferralInfoRequested.newBuilder()
					.setReferralId(id)
					.setRequestedAt(now())
					.setQuestion("Latest elbow ultrasound?")
					.setAnswerDueAt(now().plus(14, ChronoUnit.DAYS))
					.setRequestedBy("coordinator-1")
					.build());
		await().atMost(PATIENCE).untilAsserted(() -> {
			Task onHold = taskOf(id);
			assertThat(onHold.getStatus()).isEqualTo(Task.TaskStatus.ONHOLD);
			assertThat(onHold.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("INFO_REQUESTED");
			assertThat(onHold.getStatusReason().getText()).isEqualTo("Latest elbow ultrasound?");
		});

		publisher.publishAndWait(EventTopics.WORKFLOW,
				ReferralTriaged.newBuilder()
					.setReferralId(id)
					.setTriagedAt(now())
					.setOutcome("ACCEPTED")
					.setTriagedBy("coordinator-1")
					.build());
		await().atMost(PATIENCE).untilAsserted(() -> {
			Task accepted = taskOf(id);
			assertThat(accepted.getStatus()).isEqualTo(Task.TaskStatus.INPROGRESS);
			assertThat(accepted.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("ACCEPTED");
		});

		// The calendar is full: the accepted referral waits for its exam, then is booked.
		publisher.publishAndWait(EventTopics.SCHEDULING,
				AppointmentWaitlisted.newBuilder()
					.setReferralId(id)
					.setWaitlistedAt(now())
					.setPurpose("EXAM")
					.setReasonCode("CALENDAR_FULL")
					.setHorizonDays(366)
					.build());
		await().atMost(PATIENCE).untilAsserted(() -> {
			Task waiting = taskOf(id);
			assertThat(waiting.getStatus()).isEqualTo(Task.TaskStatus.INPROGRESS);
			assertThat(waiting.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("WAITING_FOR_APPOINTMENT");
		});
		publisher.publishAndWait(EventTopics.SCHEDULING,
				SessionsScheduled.newBuilder()
					.setReferralId(id)
					.setScheduledAt(now())
					.setPurpose("EXAM")
					.setSessions(List.of(new ScheduledSession(1, LocalDate.of(2030, 3, 4))))
					.setWaitlistedAt(now())
					.build());
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(taskOf(id).getBusinessStatus().getCodingFirstRep().getCode())
				.isEqualTo("ACCEPTED"));

		publisher.publishAndWait(EventTopics.WORKFLOW,
				ReferralClosed.newBuilder()
					.setReferralId(id)
					.setClosedAt(now())
					.setOutcome("NOT_SUITABLE")
					.setReasonCode("NOT_CHRONIC")
					.setNoteToReferrer("Pain for less than three months")
					.build());
		await().atMost(PATIENCE).untilAsserted(() -> {
			Task closed = taskOf(id);
			assertThat(closed.getStatus()).isEqualTo(Task.TaskStatus.REJECTED);
			assertThat(closed.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("NOT_SUITABLE");
			assertThat(closed.getStatusReason().getCodingFirstRep().getCode()).isEqualTo("NOT_CHRONIC");
			assertThat(closed.getStatusReason().getText()).isEqualTo("Pain for less than three months");
		});
		assertThat(client.read().resource(ServiceRequest.class).withId(id).execute().getStatus())
			.isEqualTo(ServiceRequestStatus.REVOKED);
	}

	@Test
	void keepsThePlacersIdentifierAsThePhysiciansOwnReference() {
		ServiceRequest request = serviceRequest("order-" + UUID.randomUUID());
		Identifier placer = request.addIdentifier().setValue("ELBOW-2026-0007");
		placer.getType().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/v2-0203").setCode("PLAC");

		String id = client.create().resource(request).execute().getId().getIdPart();

		ServiceRequest read = client.read().resource(ServiceRequest.class).withId(id).execute();
		assertThat(read.getIdentifier())
			.filteredOn(i -> i.getType().hasCoding("http://terminology.hl7.org/CodeSystem/v2-0203", "PLAC"))
			.singleElement()
			.extracting(Identifier::getValue)
			.isEqualTo("ELBOW-2026-0007");
	}

	@Test
	void refusesAPlacersIdentifierThatIsNoReference() {
		ServiceRequest request = serviceRequest("order-" + UUID.randomUUID());
		Identifier placer = request.addIdentifier().setValue("50% off");
		placer.getType().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/v2-0203").setCode("PLAC");

		var refused = catchThrowableOfType(InvalidRequestException.class,
				() -> client.create().resource(request).execute());

		assertThat(issues(refused)).extracting(issue -> issue.getExpression().get(0).getValue())
			.containsExactly("ServiceRequest.identifier.where(type.coding.code = 'PLAC')");
	}

	@Test
	void replaysTheSameOrderAndRefusesItsIdentifierForAnotherOne() {
		String order = "order-" + UUID.randomUUID();
		MethodOutcome first = client.create().resource(serviceRequest(order)).execute();
		String id = first.getId().getIdPart();

		MethodOutcome again = client.create().resource(serviceRequest(order)).execute();
		assertThat(again.getResponseStatusCode()).isEqualTo(200);
		assertThat(again.getId().getIdPart()).isEqualTo(id);
		assertThat(again.getResponseHeaders().get("idempotent-replayed")).containsExactly("true");

		ServiceRequest other = serviceRequest(order);
		other.getBodySiteFirstRep().setText("left elbow");
		var reused = catchThrowableOfType(UnprocessableEntityException.class,
				() -> client.create().resource(other).execute());
		assertThat(issues(reused)).singleElement().satisfies(issue -> {
			assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.DUPLICATE);
			assertThat(issue.getExpression()).extracting(StringType::getValue)
				.containsExactly("ServiceRequest.identifier");
		});

		// The Idempotency-Key header, when sent, is the key instead of the identifier.
		String key = UUID.randomUUID().toString();
		String byHeader = client.create()
			.resource(serviceRequest(null))
			.withAdditionalHeader("Idempotency-Key", key)
			.execute()
			.getId()
			.getIdPart();
		assertThat(client.create()
			.resource(serviceRequest(null))
			.withAdditionalHeader("Idempotency-Key", key)
			.execute()
			.getId()
			.getIdPart()).isEqualTo(byHeader);
		// Without either, every request is a new referral, as in the JSON API.
		assertThat(client.create().resource(serviceRequest(null)).execute().getId().getIdPart())
			.isNotEqualTo(client.create().resource(serviceRequest(null)).execute().getId().getIdPart());
	}

	@Test
	void namesEveryProblemOfAnInvalidServiceRequestWithItsLocation() {
		ServiceRequest invalid = serviceRequest("order-" + UUID.randomUUID());
		Patient patient = (Patient) invalid.getContained().get(1);
		patient.getAddress().clear();
		patient.setBirthDateElement(new DateType("2999-01-01"));
		invalid.getReasonCode().clear();
		invalid.addReasonCode(new CodeableConcept(new Coding("http://hl7.org/fhir/sid/icd-10", "M77.1", null)));
		invalid.getExtension().removeIf(extension -> extension.getUrl().endsWith("/anticoagulated"));
		invalid.getExtensionByUrl(EXTENSION + "pregnant").setValue(new StringType("no"));
		invalid.getNoteFirstRep().setText("x".repeat(2001));

		var refused = catchThrowableOfType(InvalidRequestException.class,
				() -> client.create().resource(invalid).execute());

		assertThat(refused.getStatusCode()).isEqualTo(400);
		assertThat(issues(refused)).extracting(issue -> issue.getExpression().get(0).getValue())
			.containsExactlyInAnyOrder("ServiceRequest.subject.resolve().address",
					"ServiceRequest.subject.resolve().birthDate", "ServiceRequest.reasonCode",
					"ServiceRequest.extension('" + EXTENSION + "anticoagulated')",
					"ServiceRequest.extension('" + EXTENSION + "pregnant')", "ServiceRequest.note");
		assertThat(issues(refused)).allSatisfy(issue -> {
			assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
			assertThat(issue.getDetails().getText()).isNotBlank();
		});
		assertThat(issues(refused)).filteredOn(issue -> issue.getCode() == OperationOutcome.IssueType.REQUIRED)
			.extracting(issue -> issue.getExpression().get(0).getValue())
			.containsExactlyInAnyOrder("ServiceRequest.subject.resolve().address",
					"ServiceRequest.extension('" + EXTENSION + "anticoagulated')");
	}

	@Test
	void answersBodiesItCannotReadWithA400OperationOutcome() {
		var bodies = List.of("{not json", "", "{\"resourceType\":\"Patient\"}", "[1,2]",
				EXAMPLE.formatted("order-" + UUID.randomUUID()).replace("\"1970-01-01\"", "\"1970-13-45\""),
				EXAMPLE.formatted("order-" + UUID.randomUUID()).replace("\"routine\"", "\"whenever\""),
				EXAMPLE.formatted("order-" + UUID.randomUUID()).replace("Jane Example", "Jane\\u0000Example"),
				EXAMPLE.formatted("order-" + UUID.randomUUID()).replace("Jane Example", "Jane\\ud800Example"),
				EXAMPLE.formatted("x".repeat(300)));
		for (String body : bodies) {
			ResponseEntity<String> response = postFhir(body, null);
			assertThat(response.getStatusCode().value()).as(body).isEqualTo(400);
			assertThat(FHIR.newJsonParser().parseResource(response.getBody())).as(body)
				.isInstanceOf(OperationOutcome.class);
		}
		ResponseEntity<String> tooLarge = postFhir(
				EXAMPLE.formatted("order-" + UUID.randomUUID()).replace("Pain on stairs", "x".repeat(1_100_000)), null);
		assertThat(tooLarge.getStatusCode().value()).isEqualTo(413);
		assertThat(FHIR.newJsonParser().parseResource(tooLarge.getBody())).isInstanceOf(OperationOutcome.class);
	}

	@Test
	void anUnknownReferralIsNotFound() {
		var notFound = catchThrowableOfType(ResourceNotFoundException.class,
				() -> client.read().resource(ServiceRequest.class).withId("R-unknown").execute());
		assertThat(notFound.getStatusCode()).isEqualTo(404);
		assertThat(notFound.getOperationOutcome()).isInstanceOf(OperationOutcome.class);
		assertThat(catchThrowableOfType(ResourceNotFoundException.class,
				() -> client.read().resource(Task.class).withId("R-unknown").execute()))
			.isNotNull();
		// A search that finds nothing is an empty Bundle, as FHIR searches are.
		assertThat(client.search()
			.forResource(Task.class)
			.where(Task.BASED_ON.hasId("ServiceRequest/R-unknown"))
			.returnBundle(Bundle.class)
			.execute()
			.getEntry()).isEmpty();
	}

	@Test
	void describesItselfInACapabilityStatement() {
		CapabilityStatement capabilities = client.capabilities().ofType(CapabilityStatement.class).execute();

		var resources = capabilities.getRestFirstRep().getResource();
		assertThat(interactionsOf(resources, "ServiceRequest")).contains("create", "read");
		assertThat(interactionsOf(resources, "Task")).contains("search-type", "read");
		assertThat(resources.stream()
			.filter(resource -> resource.getType().equals("Task"))
			.findFirst()
			.orElseThrow()
			.getSearchParam()).extracting(param -> param.getName()).contains("based-on");
	}

	@Test
	void publishesTheSameReferralSubmittedAsTheJsonApi() {
		ResponseEntity<String> fhir = postFhir(EXAMPLE.formatted("order-" + UUID.randomUUID()), null);
		assertThat(fhir.getStatusCode().value()).isEqualTo(201);
		String fhirId = fhir.getHeaders().getLocation().getPath().replaceAll(".*/ServiceRequest/", "");
		var headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set(HttpHeaders.AUTHORIZATION, TestTokens.physician("dr-ada"));
		ResponseEntity<JsonNode> json = http.postForEntity("/api/referrals", new HttpEntity<>(JSON, headers),
				JsonNode.class);
		String jsonId = json.getBody().get("id").asText();

		try (var probe = new EventProbe(String.join(",", kafka.getBootstrapServers()), EventTopics.INTAKE)) {
			var fromFhir = (ReferralSubmitted) codec.decode(probe.awaitRecords(fhirId, 1, PATIENCE).get(0).value());
			var fromJson = (ReferralSubmitted) codec.decode(probe.awaitRecords(jsonId, 1, PATIENCE).get(0).value());
			assertThat(ReferralSubmitted.newBuilder(fromFhir)
				.setReferralId(jsonId)
				.setSubmittedAt(fromJson.getSubmittedAt())
				.build()).isEqualTo(fromJson);
		}
	}

	@Test
	void aRetryThroughTheJsonApiUnderTheOrdersIdentifierIsTheSameReferral() {
		String order = "order-" + UUID.randomUUID();
		ResponseEntity<String> fhir = postFhir(EXAMPLE.formatted(order), null);
		String id = fhir.getHeaders().getLocation().getPath().replaceAll(".*/ServiceRequest/", "");

		var headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set(HttpHeaders.AUTHORIZATION, TestTokens.physician("dr-ada"));
		headers.set("Idempotency-Key", "https://ehr.example/referrals|" + order);
		ResponseEntity<JsonNode> json = http.postForEntity("/api/referrals", new HttpEntity<>(JSON, headers),
				JsonNode.class);

		assertThat(json.getBody().get("id").asText()).isEqualTo(id);
		assertThat(json.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
	}

	private Task taskOf(String referralId) {
		Bundle bundle = client.search()
			.forResource(Task.class)
			.where(Task.BASED_ON.hasId("ServiceRequest/" + referralId))
			.returnBundle(Bundle.class)
			.execute();
		assertThat(bundle.getEntry()).hasSize(1);
		return (Task) bundle.getEntryFirstRep().getResource();
	}

	private ResponseEntity<String> postFhir(String body, String idempotencyKey) {
		var headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType("application/fhir+json"));
		headers.set(HttpHeaders.AUTHORIZATION, TestTokens.physician("dr-ada"));
		if (idempotencyKey != null) {
			headers.set("Idempotency-Key", idempotencyKey);
		}
		return http.postForEntity("/fhir/ServiceRequest", new HttpEntity<>(body, headers), String.class);
	}

	private static List<OperationOutcomeIssueComponent> issues(BaseServerResponseException ex) {
		return ((OperationOutcome) ex.getOperationOutcome()).getIssue();
	}

	private static List<String> interactionsOf(List<CapabilityStatementRestResourceComponent> resources, String type) {
		return resources.stream()
			.filter(resource -> resource.getType().equals(type))
			.flatMap(resource -> resource.getInteraction().stream())
			.map(interaction -> interaction.getCode().toCode())
			.toList();
	}

	/** A lateral epicondylosis referral, urgent, the referrer anticoagulated patient. */
	static ServiceRequest serviceRequest(String order) {
		var request = new ServiceRequest();
		if (order != null) {
			request.addIdentifier().setSystem("https://ehr.example/referrals").setValue(order);
		}
		request.setStatus(ServiceRequestStatus.ACTIVE);
		request.setIntent(ServiceRequestIntent.ORDER);
		request.setPriority(ServiceRequestPriority.URGENT);
		var referrer = new Practitioner();
		referrer.setId("referrer");
		referrer.addIdentifier().setSystem("https://prolo.example/fhir/sid/referrer").setValue("dr-grace");
		referrer.addName().setFamily("Hopper").addGiven("Grace").addPrefix("Dr");
		referrer.addTelecom().setSystem(ContactPointSystem.EMAIL).setValue("grace@referrers.example");
		request.addContained(referrer);
		request.setRequester(new Reference("#referrer"));
		var patient = new Patient();
		patient.setId("patient");
		patient.addName().setFamily("Example").addGiven("John");
		patient.setBirthDateElement(new DateType("1965-04-03"));
		patient.addAddress().addLine("2 Demo Road").setCity("Demo Town");
		request.addContained(patient);
		request.setSubject(new Reference("#patient")
			.setIdentifier(new org.hl7.fhir.r4.model.Identifier().setSystem(ServiceRequestMapping.PSEUDONYM_SYSTEM)
				.setValue("P-fhir0001")));
		request.addReasonCode(new CodeableConcept(new Coding(SNOMED, "202855006", "Lateral epicondylitis")));
		request.addBodySite(
				new CodeableConcept(new Coding(SNOMED, "127949000", "Elbow region structure")).setText("right elbow"));
		request.addNote().setText("Tennis elbow since spring");
		request.addExtension(EXTENSION + "pain-duration-months", new IntegerType(7));
		request.addExtension(EXTENSION + "prior-conservative-care", new BooleanType(true));
		request.addExtension(EXTENSION + "anticoagulated", new BooleanType(true));
		for (String flag : List.of("allergy-to-injectate", "pregnant", "uncontrolled-diabetes",
				"active-infection-at-site", "malignancy-at-site")) {
			request.addExtension(EXTENSION + flag, new BooleanType(false));
		}
		return request;
	}

	static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * The workflow and scheduling services own their topics; here they stand in for them.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class WorkflowTopic {

		@Bean
		NewTopic workflowTopic() {
			return TopicBuilder.name(EventTopics.WORKFLOW).partitions(3).build();
		}

		@Bean
		NewTopic schedulingTopic() {
			return TopicBuilder.name(EventTopics.SCHEDULING).partitions(3).build();
		}

	}

}
