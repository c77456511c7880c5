package org.prolo.intake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.TestTokens;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what: every intake endpoint against every kind of caller, through the
 * production filter chain, access rules and use cases (tokens signed by
 * {@link TestTokens}, checked for signature, issuer and expiry as in production). The
 * referral in each path is a fresh one of dr-ada's: {submitted} is SUBMITTED, {asking}
 * waits for her answer to a question.
 */
class IntakeAccessMatrixTests extends IntakeHttpContext {

	/**
	 * The status each caller gets, one column per {@link Caller} in its order. 404 for
	 * dr-ben is the point: another physician's referral looks exactly like an unknown
	 * one. Staff list one referrer at a time (400 without referrerId). A bad token is
	 * refused even where none is needed.
	 */
	static final String MATRIX = """
			                                                      anon brws ada  ben  ingr carl clar leo  wkfl prom expd forg
			POST /api/referrals                                   401  302  201  403  403  403  403  403  403  403  401  401
			GET  /api/referrals/{submitted}                       401  302  200  404  200  200  200  200  403  403  401  401
			GET  /api/referrals                                   401  302  200  200  400  400  400  400  403  403  401  401
			GET  /api/referrals?referrerId=dr-ada                 401  302  200  403  200  200  200  200  403  403  401  401
			GET  /api/referrals/{submitted}/timeline              401  302  200  404  200  200  200  200  403  403  401  401
			POST /api/referrals/{submitted}/withdrawal            401  302  202  404  403  403  403  403  403  403  401  401
			POST /api/referrals/{asking}/information              401  302  202  404  403  403  403  403  403  403  401  401
			GET  /api/audit?referralId={submitted}                401  302  403  403  403  403  403  200  403  403  401  401
			POST /fhir/ServiceRequest                             401  302  201  403  403  403  403  403  403  403  401  401
			GET  /fhir/ServiceRequest/{submitted}                 401  302  200  404  200  200  200  200  403  403  401  401
			GET  /fhir/Task/{submitted}                           401  302  200  404  200  200  200  200  403  403  401  401
			GET  /fhir/Task?based-on=ServiceRequest/{submitted}   401  302  200  200  200  200  200  200  403  403  401  401
			GET  /fhir/metadata                                   401  302  200  200  200  200  200  200  403  403  401  401
			GET  /v3/api-docs                                     401  302  200  200  200  200  200  200  200  200  401  401
			GET  /actuator/health                                 200  200  200  200  200  200  200  200  200  200  401  401
			GET  /actuator/health/liveness                        200  200  200  200  200  200  200  200  200  200  401  401
			GET  /actuator/health/readiness                       200  200  200  200  200  200  200  200  200  200  401  401
			GET  /actuator/prometheus                             401  302  403  403  403  403  403  200  403  200  401  401
			""";

	static final Map<String, Body> BODIES = Map.of("POST /api/referrals",
			new Body(MediaType.APPLICATION_JSON_VALUE, ADA_REFERRAL), "POST /api/referrals/{submitted}/withdrawal",
			new Body(MediaType.APPLICATION_JSON_VALUE, "{\"reason\":\"moved away\"}"),
			"POST /api/referrals/{asking}/information",
			new Body(MediaType.APPLICATION_JSON_VALUE, "{\"answer\":\"X-ray attached\"}"), "POST /fhir/ServiceRequest",
			new Body("application/fhir+json", ADA_SERVICE_REQUEST));

	static Stream<Access> matrix() {
		List<String> lines = MATRIX.lines().filter(line -> !line.isBlank()).toList();
		List<String> header = Arrays.asList(lines.get(0).trim().split("\\s+"));
		assertThat(header).as("matrix columns")
			.containsExactly(Arrays.stream(Caller.values()).map(Caller::column).toArray(String[]::new));
		List<Access> cases = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.trim().split("\\s+");
			assertThat(cells).as("cells of %s", line).hasSize(2 + Caller.values().length);
			for (Caller caller : Caller.values()) {
				cases.add(new Access(HttpMethod.valueOf(cells[0]), cells[1], caller,
						Integer.parseInt(cells[2 + caller.ordinal()])));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("matrix")
	void answersEachCallerAsTheRulesSay(Access access) {
		HttpCall.Response response = request(access).send();

		assertThat(response.status()).as("status of %s (%s)", access, response.body()).isEqualTo(access.expected());
		if (access.expected() == 401) {
			assertThat(response.contentType()).as("content type of %s", access)
				.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			assertThat(response.header(HttpHeaders.WWW_AUTHENTICATE)).as("challenge of %s", access)
				.startsWith("Bearer");
		}
		else if (access.expected() == 302) {
			assertThat(response.header(HttpHeaders.LOCATION)).as("redirect of %s", access)
				.endsWith("/oauth2/authorization/prolo");
		}
		else if (access.expected() >= 400) {
			assertThat(isProblem(access, response))
				.as("problem of %s: %s %s", access, response.contentType(), response.body())
				.isTrue();
		}
	}

	@Test
	void anotherPhysiciansReferralIsAnsweredExactlyLikeAnUnknownOne() {
		String adas = submittedBy("dr-ada");
		String unknown = "R-" + UUID.randomUUID();
		String ben = TestTokens.physician("dr-ben");
		for (String path : List.of("/api/referrals/%s", "/api/referrals/%s/timeline", "/fhir/ServiceRequest/%s",
				"/fhir/Task/%s")) {
			var hidden = http("GET", path.formatted(adas)).authorization(ben).send();
			var missing = http("GET", path.formatted(unknown)).authorization(ben).send();
			assertHiddenLikeMissing(path, hidden, missing, adas, unknown);
		}
		for (String[] change : new String[][] { { "/api/referrals/%s/withdrawal", "{}" },
				{ "/api/referrals/%s/information", "{\"answer\":\"x\"}" } }) {
			var hidden = http("POST", change[0].formatted(adas)).authorization(ben)
				.body(MediaType.APPLICATION_JSON_VALUE, change[1])
				.send();
			var missing = http("POST", change[0].formatted(unknown)).authorization(ben)
				.body(MediaType.APPLICATION_JSON_VALUE, change[1])
				.send();
			assertHiddenLikeMissing(change[0], hidden, missing, adas, unknown);
		}
		// Still hers, unchanged.
		assertThat(referrals.findById(adas).orElseThrow().status().name()).isEqualTo("SUBMITTED");
	}

	@Test
	void aPhysicianSubmitsInTheirOwnNameOnly() throws Exception {
		var json = http("POST", "/api/referrals").authorization(TestTokens.physician("dr-ben"))
			.body(MediaType.APPLICATION_JSON_VALUE, ADA_REFERRAL)
			.send();
		assertThat(json.status()).isEqualTo(403);
		assertThat(json.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JsonNode problem = json.json();
		assertThat(problem.at("/errors/0/field").asText()).isEqualTo("referrer.id");
		assertThat(problem.at("/errors/0/message").asText()).contains("dr-ben");

		var fhir = http("POST", "/fhir/ServiceRequest").authorization(TestTokens.physician("dr-ben"))
			.body("application/fhir+json", ADA_SERVICE_REQUEST)
			.send();
		assertThat(fhir.status()).isEqualTo(403);
		JsonNode outcome = fhir.json();
		assertThat(outcome.path("resourceType").asText()).isEqualTo("OperationOutcome");
		assertThat(outcome.at("/issue/0/code").asText()).isEqualTo("forbidden");
		assertThat(outcome.at("/issue/0/expression/0").asText()).isEqualTo("ServiceRequest.requester.identifier");
	}

	@Test
	void aPhysicianListsTheirOwnReferralsAndNoOneElses() throws Exception {
		String adas = submittedBy("dr-ada");
		String bens = submittedBy("dr-ben");

		JsonNode adaList = list(TestTokens.physician("dr-ada"), "/api/referrals");
		JsonNode benList = list(TestTokens.physician("dr-ben"), "/api/referrals?referrerId=dr-ben");
		JsonNode ingridList = list(TestTokens.user("ingrid", Roles.INTAKE_COORDINATORS),
				"/api/referrals?referrerId=dr-ben");

		assertThat(adaList.findValuesAsText("id")).contains(adas).doesNotContain(bens);
		assertThat(benList.findValuesAsText("id")).contains(bens).doesNotContain(adas);
		assertThat(ingridList.findValuesAsText("id")).contains(bens).doesNotContain(adas);
		assertThat(adaList.findValues("referrer"))
			.allSatisfy(r -> assertThat(r.path("id").asText()).isEqualTo("dr-ada"));
	}

	@Test
	void aTaskSearchShowsAnotherPhysicianNothing() throws Exception {
		String adas = submittedBy("dr-ada");

		JsonNode forAda = http("GET", "/fhir/Task?based-on=ServiceRequest/" + adas)
			.authorization(TestTokens.physician("dr-ada"))
			.send()
			.json();
		JsonNode forBen = http("GET", "/fhir/Task?based-on=ServiceRequest/" + adas)
			.authorization(TestTokens.physician("dr-ben"))
			.send()
			.json();

		assertThat(forAda.path("entry")).hasSize(1);
		assertThat(forBen.path("entry").isMissingNode() || forBen.path("entry").isEmpty()).isTrue();
	}

	private JsonNode list(String token, String path) {
		HttpCall.Response response = http("GET", path).authorization(token).send();
		assertThat(response.status()).as(path).isEqualTo(200);
		return response.json();
	}

	private HttpCall request(Access access) {
		String path = access.path();
		if (path.contains("{submitted}")) {
			path = path.replace("{submitted}", submittedBy("dr-ada"));
		}
		if (path.contains("{asking}")) {
			path = path.replace("{asking}", awaitingInformationFrom("dr-ada"));
		}
		HttpCall request = http(access.method().name(), path);
		access.caller().credentials(request);
		Body body = BODIES.get(access.method() + " " + access.path());
		if (body != null) {
			request.body(body.contentType(), body.content());
		}
		return request;
	}

	private static void assertHiddenLikeMissing(String path, HttpCall.Response hidden, HttpCall.Response missing,
			String hiddenId, String missingId) {
		assertThat(hidden.status()).as(path).isEqualTo(404).isEqualTo(missing.status());
		assertThat(hidden.contentType()).as(path).isEqualTo(missing.contentType());
		assertThat(hidden.body().replace(hiddenId, "{id}")).as(path)
			.isEqualTo(missing.body().replace(missingId, "{id}"));
	}

	/**
	 * Refusals are problem+json; what the FHIR endpoint itself refuses is an
	 * OperationOutcome, as FHIR clients expect.
	 */
	private static boolean isProblem(Access access, HttpCall.Response response) {
		String type = String.valueOf(response.contentType());
		if (type.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)) {
			return response.json().path("status").asInt() == response.status();
		}
		return access.path().startsWith("/fhir/") && type.startsWith("application/fhir+json")
				&& response.json().path("resourceType").asText().equals("OperationOutcome");
	}

	/** The kinds of caller the rules tell apart, in the order of the matrix's columns. */
	enum Caller {

		ANONYMOUS("anon", "anonymous API client", null), ANONYMOUS_BROWSER("brws", "anonymous browser", null),
		DR_ADA("ada", "physician dr-ada (the referrer)", () -> TestTokens.physician("dr-ada")),
		DR_BEN("ben", "physician dr-ben (not the referrer)", () -> TestTokens.physician("dr-ben")),
		INGRID("ingr", "intake coordinator ingrid", () -> TestTokens.user("ingrid", Roles.INTAKE_COORDINATORS)),
		CARL("carl", "clinical coordinator carl", () -> TestTokens.user("carl", Roles.CLINICAL_COORDINATORS)),
		CLARA("clar", "clinician clara", () -> TestTokens.user("clara", Roles.CLINICIANS)),
		LEO("leo", "clinic lead leo", () -> TestTokens.user("leo", Roles.CLINIC_LEADS)),
		WORKFLOW("wkfl", "client workflow (timeline.read)", () -> TestTokens.client("workflow", Roles.TIMELINE_READ)),
		PROMETHEUS("prom", "client prometheus (metrics.read)",
				() -> TestTokens.client("prometheus", Roles.METRICS_READ)),
		EXPIRED("expd", "dr-ada with an expired token", () -> TestTokens.expired("dr-ada", Roles.PHYSICIAN)),
		FORGED("forg", "dr-ada with a forged token", () -> TestTokens.forged("dr-ada", Roles.PHYSICIAN));

		private final String column;

		private final String label;

		// Signed when the request is made: a token signed when the class loads could
		// expire in a slow build.
		private final Supplier<String> token;

		Caller(String column, String label, Supplier<String> token) {
			this.column = column;
			this.label = label;
			this.token = token;
		}

		String column() {
			return column;
		}

		void credentials(HttpCall request) {
			if (this == ANONYMOUS_BROWSER) {
				request.header(HttpHeaders.ACCEPT, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
			}
			if (token != null) {
				request.authorization(token.get());
			}
		}

		@Override
		public String toString() {
			return label;
		}

	}

	record Access(HttpMethod method, String path, Caller caller, int expected) {

		@Override
		public String toString() {
			return method + " " + path + " as " + caller + " → " + expected;
		}

	}

	record Body(String contentType, String content) {
	}

}
