package org.prolo.intake.submission;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.prolo.intake.HttpCall;
import org.prolo.intake.IntakeHttpContext;
import org.prolo.intake.referral.Referrer;
import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.TestTokens;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The referrer of a referral, and so where its letters go, is the signed-in physician as
 * the access token names them (sub, name, email), over real HTTP with real tokens: a body
 * may leave the referrer out, and a name or address it gives must be the token's, in the
 * JSON API and in FHIR alike.
 */
class ReferrerFromSignInTests extends IntakeHttpContext {

	static final String ADA = TestTokens.physician("dr-ada");

	static final String WITHOUT_REFERRER = ADA_REFERRAL.replaceFirst("\"referrer\":\\{[^}]*\\},", "");

	static final String SERVICE_REQUEST_WITHOUT_REQUESTER = ADA_SERVICE_REQUEST
		.replaceFirst("(?s)\\{\"resourceType\": \"Practitioner\".*?]},\\s*", "")
		.replace("\"requester\": {\"reference\": \"#referrer\"},", "");

	@Test
	void takesTheReferrerFromTheSignInWhenTheBodyLeavesItOut() {
		String zoe = TestTokens.person("dr-zoe", "Dr Zoe Zhang", "zoe@referrers.example", Roles.PHYSICIAN);

		HttpCall.Response created = submit(zoe, WITHOUT_REFERRER);
		HttpCall.Response partly = submit(zoe,
				WITHOUT_REFERRER.replace("\"patient\"", "\"referrer\":{\"id\":\"dr-zoe\"},\"patient\""));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(referrerOf(created)).isEqualTo(new Referrer("dr-zoe", "Dr Zoe Zhang", "zoe@referrers.example"));
		assertThat(partly.status()).as(partly.body()).isEqualTo(201);
		assertThat(referrerOf(partly)).isEqualTo(new Referrer("dr-zoe", "Dr Zoe Zhang", "zoe@referrers.example"));
	}

	@Test
	void refusesABodyThatNamesAnotherAddressOrNameAndStoresNothing() {
		int before = referrals.findByReferrerId("dr-ada").size();

		HttpCall.Response otherEmail = submit(ADA,
				ADA_REFERRAL.replace("ada@referrers.example", "mallory@elsewhere.example"));
		HttpCall.Response otherName = submit(ADA, ADA_REFERRAL.replace("Dr Ada Lovelace", "Dr Mallory"));

		assertForbidden(otherEmail, "referrer.email");
		assertForbidden(otherName, "referrer.name");
		assertThat(referrals.findByReferrerId("dr-ada")).hasSize(before);
	}

	@Test
	void acceptsTheSignInsOwnAddressInAnotherCaseAndKeepsTheSignInsSpelling() {
		HttpCall.Response created = submit(ADA, ADA_REFERRAL.replace("ada@referrers.example", "ADA@Referrers.Example")
			.replace("\"Dr Ada Lovelace\"", "\" Dr Ada Lovelace \""));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(referrerOf(created)).isEqualTo(new Referrer("dr-ada", "Dr Ada Lovelace", "ada@referrers.example"));
	}

	@Test
	void refusesWhenTheSignInCarriesNoAddressWhateverTheBodySays() {
		String anonymous = TestTokens.person("dr-noaddress", "Dr No Address", null, Roles.PHYSICIAN);

		assertForbidden(submit(anonymous, WITHOUT_REFERRER), "referrer.email");
		assertForbidden(
				submit(anonymous,
						ADA_REFERRAL.replace("dr-ada", "dr-noaddress").replace("Dr Ada Lovelace", "Dr No Address")),
				"referrer.email");
	}

	@Test
	void fhirTakesTheRequesterFromTheSignInAndRefusesAnotherAddress() {
		HttpCall.Response created = fhirSubmit(ADA, SERVICE_REQUEST_WITHOUT_REQUESTER);
		HttpCall.Response elsewhere = fhirSubmit(ADA,
				ADA_SERVICE_REQUEST.replace("ada@referrers.example", "mallory@elsewhere.example"));
		HttpCall.Response renamed = fhirSubmit(ADA, ADA_SERVICE_REQUEST.replace("Dr Ada Lovelace", "Dr Mallory"));

		assertThat(SERVICE_REQUEST_WITHOUT_REQUESTER).doesNotContain("requester", "Practitioner");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.header("Location").replaceAll(".*/ServiceRequest/([^/]+).*", "$1");
		assertThat(referrals.findById(id).orElseThrow().referrer())
			.isEqualTo(new Referrer("dr-ada", "Dr Ada Lovelace", "ada@referrers.example"));
		JsonNode readBack = http("GET", "/fhir/ServiceRequest/" + id).authorization(ADA).send().json();
		assertThat(readBack.at("/contained/0/telecom/0/value").asText()).isEqualTo("ada@referrers.example");
		assertForbiddenOutcome(elsewhere, "ServiceRequest.requester.resolve().telecom.where(system = 'email')");
		assertForbiddenOutcome(renamed, "ServiceRequest.requester.resolve().name");
	}

	private HttpCall.Response submit(String token, String body) {
		return http("POST", "/api/referrals").authorization(token).body(MediaType.APPLICATION_JSON_VALUE, body).send();
	}

	private HttpCall.Response fhirSubmit(String token, String body) {
		return http("POST", "/fhir/ServiceRequest").authorization(token).body("application/fhir+json", body).send();
	}

	private Referrer referrerOf(HttpCall.Response created) {
		String id = created.header("Location").replace("/api/referrals/", "");
		return referrals.findById(id).orElseThrow().referrer();
	}

	private static void assertForbidden(HttpCall.Response response, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(403);
		assertThat(response.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(response.json().path("errors").findValuesAsText("field")).isEqualTo(List.of(field));
	}

	private static void assertForbiddenOutcome(HttpCall.Response response, String expression) {
		assertThat(response.status()).as(response.body()).isEqualTo(403);
		JsonNode outcome = response.json();
		assertThat(outcome.path("resourceType").asText()).isEqualTo("OperationOutcome");
		assertThat(outcome.at("/issue/0/code").asText()).isEqualTo("forbidden");
		assertThat(outcome.at("/issue/0/expression/0").asText()).isEqualTo(expression);
	}

}
