package org.prolo.intake.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.prolo.intake.IntakeHttpContext;
import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The audit log over HTTP: what each person or client did with a referral and what they
 * were answered, read back by a clinic lead.
 */
class AuditLogTests extends IntakeHttpContext {

	static final ObjectMapper JSON = new ObjectMapper();

	static final String ADA = TestTokens.physician("dr-ada");

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void recordsWhoReadAndChangedAReferralAndWhatTheyWereAnswered() throws Exception {
		String id = submit(ADA, ADA_REFERRAL).getHeader(HttpHeaders.LOCATION).replace("/api/referrals/", "");
		call(get("/api/referrals/{id}", id), ADA);
		call(get("/api/referrals/{id}", id), TestTokens.physician("dr-ben"));
		call(get("/api/referrals/{id}", id), TestTokens.user("ingrid", Roles.INTAKE_COORDINATORS));
		call(get("/api/referrals/{id}/timeline", id), TestTokens.user("clara", Roles.CLINICIANS));
		call(post("/api/referrals/{id}/withdrawal", id), TestTokens.user("ingrid", Roles.INTAKE_COORDINATORS));
		call(post("/api/referrals/{id}/withdrawal", id), ADA);
		call(post("/api/referrals/{id}/withdrawal", id), ADA);
		assertThat(http("GET", "/fhir/ServiceRequest/" + id).authorization(ADA).send().status()).isEqualTo(200);

		assertThat(auditOf(id))
			.extracting(e -> tuple(e.path("callerId").asText(), e.path("action").asText(),
					e.path("referralId").asText(), e.path("outcome").asInt()))
			.containsExactly(tuple("dr-ada", "fhir.service-request.read", id, 200),
					tuple("dr-ada", "referral.withdraw", id, 409), tuple("dr-ada", "referral.withdraw", id, 202),
					tuple("ingrid", "referral.withdraw", id, 403), tuple("clara", "referral.timeline", id, 200),
					tuple("ingrid", "referral.read", id, 200), tuple("dr-ben", "referral.read", id, 404),
					tuple("dr-ada", "referral.read", id, 200), tuple("dr-ada", "referral.submit", id, 201));
		assertThat(auditOf(id)).allSatisfy(entry -> assertThat(entry.path("at").asText()).isNotBlank());
	}

	@Test
	void namesEachReferralAListOrSearchShowedAndEachFhirSubmission() throws Exception {
		String first = submittedBy("dr-list");
		String second = submittedBy("dr-list");
		String ingrid = TestTokens.user("ingrid", Roles.INTAKE_COORDINATORS);

		call(get("/api/referrals").param("referrerId", "dr-list"), ingrid);
		http("GET", "/fhir/Task?based-on=ServiceRequest/" + first).authorization(TestTokens.physician("dr-list"))
			.send();
		var created = http("POST", "/fhir/ServiceRequest").authorization(ADA)
			.body("application/fhir+json", ADA_SERVICE_REQUEST)
			.send();
		String viaFhir = created.header(HttpHeaders.LOCATION).replaceAll(".*/ServiceRequest/([^/]+).*", "$1");

		assertThat(auditOf(first)).extracting(e -> e.path("callerId").asText() + " " + e.path("action").asText())
			.containsExactly("dr-list fhir.task.search", "ingrid referral.list");
		assertThat(auditOf(second)).extracting(e -> e.path("callerId").asText() + " " + e.path("action").asText())
			.containsExactly("ingrid referral.list");
		assertThat(auditOf(viaFhir)).extracting(e -> e.path("action").asText() + " " + e.path("outcome").asInt())
			.containsExactly("fhir.service-request.create 201");
	}

	@Test
	void auditsFhirTaskSearchesByPostAndByGetLikeTheOtherReads() throws Exception {
		String adas = submittedBy("dr-ada");
		String ben = TestTokens.physician("dr-ben");

		var posted = http("POST", "/fhir/Task/_search").authorization(ADA)
			.body(MediaType.APPLICATION_FORM_URLENCODED_VALUE, "based-on=ServiceRequest%2F" + adas)
			.send();
		var searched = http("GET", "/fhir/Task/_search?based-on=ServiceRequest/" + adas).authorization(ADA).send();
		var hidden = http("POST", "/fhir/Task/_search").authorization(ben)
			.body(MediaType.APPLICATION_FORM_URLENCODED_VALUE, "based-on=" + adas)
			.send();
		var typed = http("GET", "/fhir/Task?based-on:ServiceRequest=" + adas).authorization(ADA).send();

		assertThat(posted.status()).as(posted.body()).isEqualTo(200);
		assertThat(posted.json().path("entry")).hasSize(1);
		assertThat(searched.json().path("entry")).hasSize(1);
		assertThat(hidden.status()).isEqualTo(200);
		assertThat(hidden.json().path("entry").isMissingNode()).isTrue();
		assertThat(typed.json().path("entry")).hasSize(1);
		// Reads are audited right after the answer.
		await().atMost(Duration.ofSeconds(10)).until(() -> auditOf(adas).size() == 4);
		assertThat(auditOf(adas)).extracting(
				e -> e.path("callerId").asText() + " " + e.path("action").asText() + " " + e.path("outcome").asInt())
			.containsExactly("dr-ada fhir.task.search 200", "dr-ben fhir.task.search 200",
					"dr-ada fhir.task.search 200", "dr-ada fhir.task.search 200");
	}

	@Test
	void aSubmissionRefusedBeforeItHadAnIdIsRecordedWithoutOne() throws Exception {
		String mallory = TestTokens.physician("dr-mallory");

		submit(mallory, ADA_REFERRAL);

		JsonNode rows = JSON.readTree(
				call(get("/api/audit").param("callerId", "dr-mallory"), TestTokens.user("leo", Roles.CLINIC_LEADS))
					.getContentAsString());
		assertThat(rows).singleElement().satisfies(row -> {
			assertThat(row.path("action").asText()).isEqualTo("referral.submit");
			assertThat(row.path("outcome").asInt()).isEqualTo(403);
			assertThat(row.path("referralId").isNull() || row.path("referralId").isMissingNode()).isTrue();
		});
	}

	@Test
	void onlyClinicLeadsReadTheAuditLog() throws Exception {
		String id = submittedBy("dr-ada");
		for (String token : List.of(ADA, TestTokens.user("ingrid", Roles.INTAKE_COORDINATORS),
				TestTokens.user("carl", Roles.CLINICAL_COORDINATORS), TestTokens.user("clara", Roles.CLINICIANS),
				TestTokens.client("workflow", Roles.TIMELINE_READ))) {
			MockHttpServletResponse refused = call(get("/api/audit").param("referralId", id), token);
			assertThat(refused.getStatus()).isEqualTo(403);
			assertThat(refused.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		}
		String leo = TestTokens.user("leo", Roles.CLINIC_LEADS);
		assertThat(call(get("/api/audit").param("referralId", id), leo).getStatus()).isEqualTo(200);
		MockHttpServletResponse unnamed = call(get("/api/audit"), leo);
		assertThat(unnamed.getStatus()).isEqualTo(400);
		assertThat(unnamed.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		// The refused attempts were themselves audited, reading the log too.
		assertThat(everythingAuditedFor(id))
			.extracting(e -> e.path("callerId").asText() + " " + e.path("outcome").asInt())
			.contains("dr-ada 403", "ingrid 403", "carl 403", "clara 403", "workflow 403", "leo 200");
	}

	@Test
	void keepsIdsOnlyAndNoPatientData() throws Exception {
		String id = submit(ADA, ADA_REFERRAL).getHeader(HttpHeaders.LOCATION).replace("/api/referrals/", "");
		call(get("/api/referrals/{id}", id), ADA);

		assertThat(jdbc.queryForList(
				"select column_name from information_schema.columns where table_name = 'audit_entry'", String.class))
			.containsExactlyInAnyOrder("id", "recorded_at", "caller_id", "action", "referral_id", "outcome");
		List<Map<String, Object>> rows = jdbc.queryForList("select * from audit_entry");
		assertThat(rows).isNotEmpty();
		assertThat(rows.toString()).doesNotContain("Demo Patient", "1970-01-01", "Demo Street", "free text",
				"P-1a2b3c4d", "ada@referrers.example");
	}

	private MockHttpServletResponse submit(String token, String body) throws Exception {
		return mvc
			.perform(post("/api/referrals").header(HttpHeaders.AUTHORIZATION, token)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andReturn()
			.getResponse();
	}

	private MockHttpServletResponse call(MockHttpServletRequestBuilder request, String token) throws Exception {
		return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, token)).andReturn().getResponse();
	}

	/**
	 * The referral's audit log, newest first, as a clinic lead reads it, without the
	 * lead's own reads of the log.
	 */
	private List<JsonNode> auditOf(String referralId) throws Exception {
		return everythingAuditedFor(referralId).stream()
			.filter(e -> !e.path("action").asText().equals("audit.read"))
			.toList();
	}

	private List<JsonNode> everythingAuditedFor(String referralId) throws Exception {
		MockHttpServletResponse response = mvc
			.perform(get("/api/audit").param("referralId", referralId)
				.header(HttpHeaders.AUTHORIZATION, TestTokens.user("leo", Roles.CLINIC_LEADS)))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		List<JsonNode> entries = new ArrayList<>();
		JSON.readTree(response.getContentAsString()).forEach(entries::add);
		return entries;
	}

}
