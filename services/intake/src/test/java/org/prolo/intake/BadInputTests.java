package org.prolo.intake;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.TestTokens;
import org.prolo.platform.testing.SharedBrokerSignIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prolo.platform.testing.BadRequest.assertProblem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every class of bad HTTP input against every intake endpoint, through the real use cases
 * and the real H2 repository, signed in as the referrals' physician: the answer is always
 * a 4xx application/problem+json, never a 5xx. Unknown JSON members are ignored (the
 * OpenAPI schemas do not forbid additional properties), so they can neither fail a
 * request nor set what the server decides (id, status).
 */
// Listeners off: this class exercises HTTP only and must not join the consumer group
// "intake" on the shared broker while another context of this JVM does; closed after
// the class for the same reason.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
		properties = "spring.kafka.listener.auto-startup=false")
@AutoConfigureMockMvc
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:intake-bad-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
		"prolo.events.retry-backoff=10ms",
		// One physician submits every referral here; the limit has tests of its own.
		"intake.submissions.rate-limit.burst=1000" })
@Import({ TestTokens.Decoder.class, SharedBrokerSignIn.class })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTests {

	static final String VALID = """
			{"referrer":{"id":"dr-bad-input","name":"Dr Ada Lovelace","email":"ada@referrers.example"},
			 "patient":{"name":"Demo Patient 1","birthDate":"1970-01-01","address":"1 Demo Street"},
			 "condition":"KNEE_OSTEOARTHRITIS","bodySite":"left knee","painDurationMonths":9,"priorConservativeCare":true,
			 "anticoagulated":false,"allergyToInjectate":false,"pregnant":false,"uncontrolledDiabetes":false,
			 "activeInfectionAtSite":false,"malignancyAtSite":false,"urgency":"ROUTINE","notes":"free text"}
			""";

	/**
	 * Stands for the id of a referral that exists (SUBMITTED), filled in before the cases
	 * run.
	 */
	static final String EXISTING = "{existing}";

	static final ObjectMapper JSON = new ObjectMapper();

	static final String PHYSICIAN = "dr-bad-input";

	/** The physician's token, with the name and address the bodies give. */
	static final String TOKEN = TestTokens.person(PHYSICIAN, "Dr Ada Lovelace", "ada@referrers.example",
			Roles.PHYSICIAN);

	@Autowired
	MockMvc mvc;

	String existing;

	@BeforeAll
	void submitOneReferral() throws Exception {
		existing = submit(VALID, null).getResponse().getHeader("Location").replace("/api/referrals/", "");
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("badRequests")
	void answersEveryBadRequestWithA4xxProblem(BadRequest bad) throws Exception {
		assertProblem(mvc.perform(bad.build(existing)).andReturn(), bad.expectedStatus(), bad.badField(), bad);
	}

	static Stream<BadRequest> badRequests() {
		List<BadRequest> cases = new ArrayList<>();
		String submit = "/api/referrals";
		String withdraw = "/api/referrals/" + EXISTING + "/withdrawal";
		String inform = "/api/referrals/" + EXISTING + "/information";

		// malformed JSON
		for (String[] body : new String[][] { { "truncated", "{\"referrer\": " }, { "not JSON", "referral please" },
				{ "trailing comma", VALID.replace("\"free text\"}", "\"free text\",}") },
				{ "single quotes", "{'condition':'KNEE_OSTEOARTHRITIS'}" }, { "a JSON array", "[]" },
				{ "a JSON string", "\"referral\"" }, { "JSON null", "null" } }) {
			cases.add(json("submit: malformed (" + body[0] + ")", submit, body[1], 400, null));
			cases.add(json("information: malformed (" + body[0] + ")", inform, body[1], 400, null));
		}
		cases.add(json("withdrawal: malformed (truncated)", withdraw, "{\"reason\": ", 400, null));
		cases.add(json("withdrawal: malformed (array)", withdraw, "[1,2]", 400, null));
		cases.add(new BadRequest("submit: invalid UTF-8 bytes", HttpMethod.POST, submit,
				MediaType.APPLICATION_JSON_VALUE, utf8WithRawBytes(VALID.replace("free text", "@@")), null, 400, null));

		// wrong JSON types
		cases.add(json("submit: number as text", submit, with(VALID, "painDurationMonths", "\"nine\""), 400,
				"painDurationMonths"));
		cases.add(json("submit: boolean as text", submit, with(VALID, "pregnant", "\"maybe\""), 400, "pregnant"));
		cases.add(json("submit: object as text", submit, with(VALID, "referrer", "\"dr-ada\""), 400, "referrer"));
		cases.add(json("submit: text as object", submit, with(VALID, "condition", "{\"code\":\"KNEE\"}"), 400,
				"condition"));
		cases.add(
				json("submit: text as array", submit, with(VALID, "bodySite", "[\"left\",\"knee\"]"), 400, "bodySite"));
		cases.add(json("submit: number overflowing int", submit,
				with(VALID, "painDurationMonths", "99999999999999999999"), 400, "painDurationMonths"));
		cases.add(json("submit: date in another format", submit, VALID.replace("1970-01-01", "01/01/1970"), 400,
				"patient.birthDate"));
		cases.add(json("information: answer as object", inform, "{\"answer\":{\"text\":\"x\"}}", 400, "answer"));
		cases.add(json("withdrawal: reason as array", withdraw, "{\"reason\":[1]}", 400, "reason"));

		// unknown enum values
		cases.add(json("submit: unknown condition", submit, with(VALID, "condition", "\"FROZEN_SHOULDER\""), 400,
				"condition"));
		cases.add(json("submit: condition in lower case", submit, with(VALID, "condition", "\"knee_osteoarthritis\""),
				400, "condition"));
		cases.add(json("submit: unknown urgency", submit, with(VALID, "urgency", "\"SOON\""), 400, "urgency"));
		cases.add(json("submit: urgency as number", submit, with(VALID, "urgency", "1"), 400, "urgency"));

		// missing fields
		cases.add(json("submit: empty object", submit, "{}", 400, "patient"));
		cases.add(json("submit: another email", submit, VALID.replace("ada@referrers.example", "ben@referrers.example"),
				403, "referrer.email"));
		cases.add(json("submit: null flag", submit, with(VALID, "malignancyAtSite", "null"), 400, "malignancyAtSite"));
		cases.add(json("information: missing answer", inform, "{}", 400, "answer"));
		cases.add(json("information: blank answer", inform, "{\"answer\":\"  \"}", 400, "answer"));

		// extra fields are ignored, not a way around validation
		cases.add(json("submit: extra field beside a bad one", submit,
				with(with(VALID, "urgency", "\"SOON\""), "priority", "\"HIGH\""), 400, "urgency"));
		cases.add(json("information: extra field without the answer", inform, "{\"text\":\"x\"}", 400, "answer"));

		// empty body
		cases.add(json("submit: empty body", submit, "", 400, null));
		cases.add(json("information: empty body", inform, "", 400, null));
		cases.add(json("submit: whitespace body", submit, "  \n ", 400, null));

		// wrong content type
		for (String type : new String[] { MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_XML_VALUE,
				MediaType.APPLICATION_FORM_URLENCODED_VALUE, "application/json-patch+json" }) {
			cases.add(new BadRequest("submit: content type " + type, HttpMethod.POST, submit, type,
					VALID.getBytes(StandardCharsets.UTF_8), null, 415, null));
			cases.add(new BadRequest("information: content type " + type, HttpMethod.POST, inform, type,
					"{\"answer\":\"x\"}".getBytes(StandardCharsets.UTF_8), null, 415, null));
		}
		cases.add(new BadRequest("submit: no content type", HttpMethod.POST, submit, null,
				VALID.getBytes(StandardCharsets.UTF_8), null, 415, null));
		cases.add(new BadRequest("withdrawal: text body", HttpMethod.POST, withdraw, MediaType.TEXT_PLAIN_VALUE,
				"moved away".getBytes(StandardCharsets.UTF_8), null, 415, null));

		// oversize bodies and very long strings
		String twoMegabytes = "x".repeat(2 * 1024 * 1024);
		cases.add(json("submit: 2 MB body", submit, with(VALID, "notes", quoted(twoMegabytes)), 413, null));
		cases.add(json("information: 2 MB body", inform, "{\"answer\":" + quoted(twoMegabytes) + "}", 413, null));
		cases.add(json("withdrawal: 2 MB body", withdraw, "{\"reason\":" + quoted(twoMegabytes) + "}", 413, null));
		String longText = "x".repeat(100_000);
		for (String field : new String[] { "condition", "bodySite", "notes", "urgency" }) {
			cases.add(json("submit: 100k chars in " + field, submit, with(VALID, field, quoted(longText)), 400, field));
		}
		cases.add(json("submit: 100k chars in referrer.name", submit, VALID.replace("Dr Ada Lovelace", longText), 400,
				"referrer.name"));
		cases.add(json("submit: 100k chars in patient.address", submit, VALID.replace("1 Demo Street", longText), 400,
				"patient.address"));
		cases.add(json("information: 100k chars", inform, "{\"answer\":" + quoted(longText) + "}", 400, "answer"));
		cases.add(json("withdrawal: 100k chars", withdraw, "{\"reason\":" + quoted(longText) + "}", 400, "reason"));

		// odd unicode: NUL and lone surrogates are refused (PostgreSQL cannot store NUL,
		// UTF-8 cannot carry a lone surrogate back out)
		cases.add(json("submit: NUL in patient.name", submit, VALID.replace("Demo Patient 1", "Demo\\u0000Patient"),
				400, "patient.name"));
		cases.add(json("submit: lone high surrogate in notes", submit, VALID.replace("free text", "free \\ud800text"),
				400, "notes"));
		cases.add(json("submit: lone low surrogate in referrer.id", submit, VALID.replace("dr-bad-input", "dr-\\udc00"),
				400, "referrer.id"));
		cases.add(json("submit: control character in bodySite", submit, VALID.replace("left knee", "left\\u001bknee"),
				400, "bodySite"));
		cases.add(json("information: NUL in answer", inform, "{\"answer\":\"x\\u0000y\"}", 400, "answer"));
		cases.add(json("withdrawal: lone surrogate in reason", withdraw, "{\"reason\":\"\\udfff\"}", 400, "reason"));

		// path ids with odd characters or very long: unknown (404), or refused by the
		// security firewall before any handler (400)
		for (String[] id : new String[][] { { "unknown", "R-" + UUID.randomUUID(), "404" }, { "NUL", "%00", "400" },
				{ "encoded slash", "R-1%2FR-2", "400" }, { "dot segments", "..%2F..%2Fetc", "400" },
				{ "RTL override", "%E2%80%AER-1", "404" }, { "emoji", "%F0%9F%98%80", "404" },
				{ "invalid UTF-8", "%ED%A0%80", "404" }, { "script", "%3Cscript%3E", "404" },
				{ "quote", "R-1'%20or%20'1'='1", "404" }, { "10k chars", "R".repeat(10_000), "404" } }) {
			int expected = Integer.parseInt(id[2]);
			cases.add(raw("read: id " + id[0], HttpMethod.GET, "/api/referrals/" + id[1], expected));
			cases.add(raw("timeline: id " + id[0], HttpMethod.GET, "/api/referrals/" + id[1] + "/timeline", expected));
			cases.add(raw("withdrawal: id " + id[0], HttpMethod.POST, "/api/referrals/" + id[1] + "/withdrawal",
					expected));
			cases.add(new BadRequest("information: id " + id[0], HttpMethod.POST,
					"/api/referrals/" + id[1] + "/information", MediaType.APPLICATION_JSON_VALUE,
					"{\"answer\":\"x\"}".getBytes(StandardCharsets.UTF_8), null, expected, null));
		}

		// query parameters (a physician may leave referrerId out: their own; staff may
		// not)
		cases.add(raw("list: no referrerId (staff)", HttpMethod.GET, "/api/referrals", 400)
			.as(TestTokens.user("ingrid", Roles.INTAKE_COORDINATORS)));
		cases.add(raw("list: blank referrerId", HttpMethod.GET, "/api/referrals?referrerId=", 400));
		cases.add(raw("list: NUL referrerId", HttpMethod.GET, "/api/referrals?referrerId=%00", 400));
		cases.add(raw("list: 10k chars referrerId", HttpMethod.GET, "/api/referrals?referrerId=" + "r".repeat(10_000),
				400));

		// state: the referral is SUBMITTED, so no question is open
		cases.add(json("information: nothing was asked", inform, "{\"answer\":\"here it is\"}", 409, null));

		// Idempotency-Key
		cases.add(new BadRequest("submit: blank Idempotency-Key", HttpMethod.POST, submit,
				MediaType.APPLICATION_JSON_VALUE, VALID.getBytes(StandardCharsets.UTF_8), " ", 400, "Idempotency-Key"));
		cases.add(new BadRequest("submit: 201 chars Idempotency-Key", HttpMethod.POST, submit,
				MediaType.APPLICATION_JSON_VALUE, VALID.getBytes(StandardCharsets.UTF_8), "k".repeat(201), 400,
				"Idempotency-Key"));
		return cases.stream();
	}

	@Test
	void ignoresUnknownMembersAndNeverLetsThemSetWhatTheServerDecides() throws Exception {
		ObjectNode body = (ObjectNode) JSON.readTree(VALID);
		body.put("id", "R-chosen-by-client").put("status", "COURSE_PLANNED").put("priority", "HIGH");
		((ObjectNode) body.get("patient")).put("nationalId", "123");

		MvcResult created = submit(body.toString(), null);

		JsonNode referral = read(created.getResponse().getHeader("Location"));
		assertThat(referral.path("id").asText()).startsWith("R-").isNotEqualTo("R-chosen-by-client");
		assertThat(referral.path("status").asText()).isEqualTo("SUBMITTED");
	}

	@Test
	void keepsRightToLeftOverridesAndEmojiAsSent() throws Exception {
		String name = "Demo \u202Eenaj\u202C Patient \uD83D\uDE00";
		String bodySite = "left knee \uD83E\uDDB5";

		MvcResult created = submit(VALID.replace("Demo Patient 1", name).replace("left knee", bodySite), null);

		JsonNode referral = read(created.getResponse().getHeader("Location"));
		assertThat(referral.path("patient").path("name").asText()).isEqualTo(name);
		assertThat(referral.path("bodySite").asText()).isEqualTo(bodySite);
	}

	@Test
	void aReplayWithTheSameKeyAnswersTheSameReferralAndAnotherBodyIsUnprocessable() throws Exception {
		String key = "bad-input-" + UUID.randomUUID();

		MvcResult first = submit(VALID, key);
		MvcResult replay = submit(VALID.replace("{\"referrer\"", " { \"referrer\""), key);
		MvcResult other = mvc
			.perform(signedIn(post("/api/referrals")).contentType(MediaType.APPLICATION_JSON)
				.header("Idempotency-Key", key)
				.content(VALID.replace("free text", "other text")))
			.andReturn();

		assertThat(replay.getResponse().getHeader("Location")).isEqualTo(first.getResponse().getHeader("Location"));
		assertThat(first.getResponse().getHeader("Idempotent-Replayed")).isNull();
		assertThat(replay.getResponse().getHeader("Idempotent-Replayed")).isEqualTo("true");
		assertThat(other.getResponse().getStatus()).isEqualTo(422);
		assertThat(other.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
	}

	@Test
	void aReplayWithoutKeyIsANewReferral() throws Exception {
		String first = submit(VALID, null).getResponse().getHeader("Location");
		String second = submit(VALID, null).getResponse().getHeader("Location");

		assertThat(second).isNotEqualTo(first);
	}

	@Test
	void aSecondWithdrawalConflicts() throws Exception {
		String location = submit(VALID, null).getResponse().getHeader("Location");
		mvc.perform(signedIn(post(location + "/withdrawal"))).andReturn();

		MvcResult again = mvc.perform(signedIn(post(location + "/withdrawal"))).andReturn();

		assertThat(again.getResponse().getStatus()).isEqualTo(409);
		assertThat(again.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
	}

	private MvcResult submit(String body, String key) throws Exception {
		MockHttpServletRequestBuilder request = signedIn(post("/api/referrals")).contentType(MediaType.APPLICATION_JSON)
			.content(body);
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		MvcResult result = mvc.perform(request).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
		return result;
	}

	private JsonNode read(String location) throws Exception {
		MvcResult result = mvc.perform(signedIn(get(location))).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return JSON.readTree(result.getResponse().getContentAsByteArray());
	}

	private static MockHttpServletRequestBuilder signedIn(MockHttpServletRequestBuilder request) {
		return request.header(HttpHeaders.AUTHORIZATION, TOKEN);
	}

	private static BadRequest json(String name, String path, String body, int status, String field) {
		return new BadRequest(name, HttpMethod.POST, path, MediaType.APPLICATION_JSON_VALUE,
				body.getBytes(StandardCharsets.UTF_8), null, status, field);
	}

	private static BadRequest raw(String name, HttpMethod method, String path, int status) {
		return new BadRequest(name, method, path, null, null, null, status, null);
	}

	/** Replaces the JSON value of a top-level member, or adds the member. */
	private static String with(String body, String field, String jsonValue) {
		try {
			ObjectNode node = (ObjectNode) JSON.readTree(body);
			node.set(field, JSON.readTree(jsonValue));
			return node.toString();
		}
		catch (Exception ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	private static String quoted(String text) {
		return "\"" + text + "\"";
	}

	/** The body in UTF-8 with "@@" replaced by bytes that are not UTF-8. */
	private static byte[] utf8WithRawBytes(String body) {
		String[] parts = body.split("@@");
		byte[] head = parts[0].getBytes(StandardCharsets.UTF_8);
		byte[] tail = parts[1].getBytes(StandardCharsets.UTF_8);
		byte[] bad = { (byte) 0xC3, (byte) 0x28, (byte) 0xED, (byte) 0xA0, (byte) 0x80 };
		byte[] all = new byte[head.length + bad.length + tail.length];
		System.arraycopy(head, 0, all, 0, head.length);
		System.arraycopy(bad, 0, all, head.length, bad.length);
		System.arraycopy(tail, 0, all, head.length + bad.length, tail.length);
		return all;
	}

	/**
	 * @param token the Authorization header; null for the referrals' physician
	 */
	record BadRequest(String name, HttpMethod method, String path, String contentType, byte[] body,
			String idempotencyKey, int expectedStatus, String badField, String token) {

		BadRequest(String name, HttpMethod method, String path, String contentType, byte[] body, String idempotencyKey,
				int expectedStatus, String badField) {
			this(name, method, path, contentType, body, idempotencyKey, expectedStatus, badField, null);
		}

		BadRequest as(String otherToken) {
			return new BadRequest(name, method, path, contentType, body, idempotencyKey, expectedStatus, badField,
					otherToken);
		}

		MockHttpServletRequestBuilder build(String existingId) {
			// The path is sent as written (already percent-encoded where it must be).
			MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(method,
					URI.create(path.replace(EXISTING, existingId)));
			request.header(HttpHeaders.AUTHORIZATION, (token != null) ? token : TOKEN);
			if (contentType != null) {
				request.contentType(contentType);
			}
			if (body != null) {
				request.content(body);
			}
			if (idempotencyKey != null) {
				request.header("Idempotency-Key", idempotencyKey);
			}
			return request;
		}

		@Override
		public String toString() {
			return name + " -> " + expectedStatus;
		}

	}

}
