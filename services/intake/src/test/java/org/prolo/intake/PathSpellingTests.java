package org.prolo.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every way of spelling a path to a referral, over real HTTP with real tokens: each is
 * either refused with a 400 problem+json before anything is read (and so not audited), or
 * answered, authorized and audited exactly like the canonical spelling. Spring Security's
 * firewall refuses matrix parameters, double and encoded slashes and dot segments;
 * platform/security's adds encoded letters and digits, and under /api and /fhir a
 * trailing slash or the prefix in another case. A resource spelled in another case below
 * the prefix is no spelling of it at all: Spring MVC and HAPI FHIR both match resources
 * case-sensitively, so it names an endpoint that does not exist (404, nothing read,
 * nothing audited). Each spelling reads a fresh referral of dr-ada's, so its audit rows
 * are its own; reads are audited right after the answer, hence the waiting.
 */
class PathSpellingTests extends IntakeHttpContext {

	static final String ADA = TestTokens.physician("dr-ada");

	static final String BEN = TestTokens.physician("dr-ben");

	/** Marks the spellings that name no endpoint. */
	static final String NO_ENDPOINT = "no endpoint: ";

	/** The canonical reads, each with its audit action. */
	static final String[][] READS = { { "/api/referrals/{id}", "referral.read" },
			{ "/api/referrals/{id}/timeline", "referral.timeline" },
			{ "/fhir/ServiceRequest/{id}", "fhir.service-request.read" }, { "/fhir/Task/{id}", "fhir.task.read" },
			{ "/fhir/Task?based-on=ServiceRequest/{id}", "fhir.task.search" } };

	/** Other spellings of a canonical path (its query kept as it is). */
	static final List<Spelling> SPELLINGS = List.of(new Spelling("trailing slash", p -> p + "/"),
			new Spelling("two trailing slashes", p -> p + "//"), new Spelling("leading double slash", p -> "/" + p),
			new Spelling("inner double slash", p -> p.replaceFirst("^(/[^/]+)/", "$1//")),
			new Spelling("matrix parameter on the prefix", p -> p.replaceFirst("^(/[^/]+)", "$1;x=y")),
			new Spelling("matrix parameter at the end", p -> p + ";x=y"),
			new Spelling("encoded letter in the prefix", p -> p.replaceFirst("^/(a|f)", "/%" + hex(p.charAt(1)))),
			new Spelling("encoded letter in the resource",
					p -> p.replaceFirst("^(/[^/]+/)(.)", "$1%" + hex(p.split("/")[2].charAt(0)))),
			new Spelling("encoded letter in the id", p -> p.replace("{id}", "%52{id-rest}")),
			new Spelling("encoded slash", p -> p.replaceFirst("^(/[^/]+)/", "$1%2F")),
			new Spelling("encoded dot segment", p -> p.replaceFirst("^(/[^/]+)/", "$1/%2E/")),
			new Spelling("dot segment", p -> p.replaceFirst("^(/[^/]+)/", "$1/./")),
			new Spelling("dot-dot segment", p -> p.replaceFirst("^(/[^/]+)/", "$1/x/../")),
			new Spelling("prefix in upper case",
					p -> p.replaceFirst("^/(api|fhir)", "/" + p.split("/")[1].toUpperCase())),
			new Spelling("prefix capitalised", p -> p.replaceFirst("^/a", "/A").replaceFirst("^/f", "/F")),
			new Spelling(NO_ENDPOINT + "resource in lower case",
					p -> p.replaceFirst("^(/[^/]+/)([^/?]+)", "$1" + p.split("/")[2].split("\\?")[0].toLowerCase())),
			new Spelling(NO_ENDPOINT + "resource in upper case",
					p -> p.replaceFirst("^(/[^/]+/)([^/?]+)", "$1" + p.split("/")[2].split("\\?")[0].toUpperCase())));

	@Autowired
	JdbcTemplate jdbc;

	static Stream<String[]> spellings() {
		List<String[]> cases = new ArrayList<>();
		for (String[] read : READS) {
			cases.add(new String[] { read[0], "canonical", read[0], read[1] });
			for (Spelling spelling : SPELLINGS) {
				String path = read[0];
				int query = path.indexOf('?');
				String spelled = (query < 0) ? spelling.spell().apply(path)
						: spelling.spell().apply(path.substring(0, query)) + path.substring(query);
				if (!spelled.equals(path)) {
					cases.add(new String[] { read[0], spelling.name(), spelled, read[1] });
				}
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} {1}: {2}")
	@MethodSource("spellings")
	void isRefusedOrAnsweredAndAuditedAsTheCanonicalPath(String canonical, String name, String spelled, String action) {
		String id = submittedBy("dr-ada");
		HttpCall.Response answer = http("GET", spelled(spelled, id)).authorization(ADA).send();

		if (name.startsWith(NO_ENDPOINT)) {
			assertNoEndpoint(spelled, answer, id);
		}
		else if (answer.status() == 400) {
			assertRefused(spelled, answer, id);
		}
		else {
			assertThat(answer.status()).as("%s answered %s", spelled, answer.body()).isEqualTo(200);
			assertThat(answer.body()).contains(id);
			assertThat(auditedRowsOf(id)).as("audit of %s", spelled)
				.containsExactly("dr-ada " + action + " " + id + " 200");
		}
	}

	@ParameterizedTest(name = "{0} {1}: {2}")
	@MethodSource("spellings")
	void hidesAnotherPhysiciansReferralWhateverTheSpelling(String canonical, String name, String spelled,
			String action) {
		String id = submittedBy("dr-ada");
		HttpCall.Response answer = http("GET", spelled(spelled, id)).authorization(BEN).send();

		assertThat(answer.body()).as(spelled).doesNotContain("Demo Patient").doesNotContain("dr-ada");
		if (name.startsWith(NO_ENDPOINT)) {
			assertNoEndpoint(spelled, answer, id);
		}
		else if (answer.status() == 400) {
			assertRefused(spelled, answer, id);
		}
		else {
			// Hidden: a 404 like an unknown id, or for the search an empty Bundle.
			int hidden = canonical.contains("?") ? 200 : 404;
			assertThat(answer.status()).as("%s answered %s", spelled, answer.body()).isEqualTo(hidden);
			if (hidden == 200) {
				assertThat(answer.json().path("entry").isMissingNode()).as(spelled).isTrue();
			}
			assertThat(auditedRowsOf(id)).as("audit of %s", spelled)
				.containsExactly("dr-ben " + action + " " + id + " " + hidden);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("auditSpellings")
	void keepsTheAuditLogForClinicLeadsWhateverTheSpelling(String spelled) {
		String id = submittedBy("dr-ada");
		HttpCall.Response answer = http("GET", spelled.replace("{id}", id)).authorization(ADA).send();
		var lead = http("GET", spelled.replace("{id}", id)).authorization(TestTokens.user("leo", Roles.CLINIC_LEADS))
			.send();

		assertThat(answer.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(answer.body()).doesNotContain("callerId");
		if (spelled.startsWith("/api/audit?")) {
			assertThat(answer.status()).isEqualTo(403);
			assertThat(lead.status()).isEqualTo(200);
		}
		else if (spelled.startsWith("/api/AUDIT")) {
			// No such endpoint, for anyone.
			assertThat(answer.status()).isIn(403, 404);
			assertThat(lead.status()).isEqualTo(404);
		}
		else {
			assertThat(answer.status()).as("%s answered %s", spelled, answer.body()).isEqualTo(400);
			assertThat(lead.status()).as("%s answered %s", spelled, lead.body()).isEqualTo(400);
		}
	}

	static Stream<String> auditSpellings() {
		return Stream.of("/api/audit?referralId={id}", "/api/audit/?referralId={id}", "/api/%61udit?referralId={id}",
				"/api/audit;x=y?referralId={id}", "/api//audit?referralId={id}", "/API/audit?referralId={id}",
				"/api/AUDIT?referralId={id}", "/api/./audit?referralId={id}");
	}

	private void assertRefused(String spelled, HttpCall.Response answer, String id) {
		assertThat(answer.contentType()).as(spelled).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(answer.json().path("status").asInt()).isEqualTo(400);
		assertThat(answer.body()).as(spelled).doesNotContain("Demo Patient");
		assertNothingAudited(spelled, id);
	}

	private void assertNoEndpoint(String spelled, HttpCall.Response answer, String id) {
		assertThat(answer.status()).as("%s answered %s", spelled, answer.body()).isEqualTo(404);
		assertThat(answer.body()).as(spelled).doesNotContain("Demo Patient").doesNotContain("dr-ada");
		assertNothingAudited(spelled, id);
	}

	/** Waits as long as an audited read takes to be written, and finds none. */
	private void assertNothingAudited(String spelled, String id) {
		await().during(Duration.ofMillis(300))
			.atMost(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(auditRowsOf(id)).as("audit of %s", spelled).isEmpty());
	}

	/** The rows of a read once written, and a moment more for one that should not be. */
	private List<String> auditedRowsOf(String id) {
		await().atMost(Duration.ofSeconds(10)).until(() -> !auditRowsOf(id).isEmpty());
		await().pollDelay(Duration.ofMillis(200)).until(() -> true);
		return auditRowsOf(id);
	}

	private static String spelled(String spelled, String id) {
		return spelled.replace("{id-rest}", id.substring(1)).replace("{id}", id);
	}

	private List<String> auditRowsOf(String referralId) {
		return jdbc
			.queryForList("select caller_id || ' ' || action || ' ' || referral_id || ' ' || outcome from audit_entry "
					+ "where referral_id = ? order by id", String.class, referralId);
	}

	private static String hex(char c) {
		return Integer.toHexString(c).toUpperCase();
	}

	record Spelling(String name, UnaryOperator<String> spell) {

	}

}
