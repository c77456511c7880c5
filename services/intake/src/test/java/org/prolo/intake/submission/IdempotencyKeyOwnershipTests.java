package org.prolo.intake.submission;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.prolo.intake.HttpCall;
import org.prolo.intake.IntakeHttpContext;
import org.prolo.platform.security.testing.TestTokens;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An Idempotency-Key belongs to the physician who sent it, over real HTTP with real
 * tokens: another physician's use of the same key, even with the same body, is a new
 * referral of theirs, never a 422 and never the first physician's referral; each still
 * replays their own.
 */
class IdempotencyKeyOwnershipTests extends IntakeHttpContext {

	static final String ADA = TestTokens.physician("dr-ada");

	static final String BEN = TestTokens.physician("dr-ben");

	/** A referral that leaves the referrer to the sign-in: the same bytes from anyone. */
	static final String ANYONES_REFERRAL = ADA_REFERRAL.replaceFirst("\"referrer\":\\{[^}]*\\},", "");

	static final String ANYONES_SERVICE_REQUEST = ADA_SERVICE_REQUEST
		.replaceFirst("(?s)\\{\"resourceType\": \"Practitioner\".*?]},\\s*", "")
		.replace("\"requester\": {\"reference\": \"#referrer\"},", "")
		.replace("\"priority\": \"routine\",",
				"\"priority\": \"routine\", \"identifier\": [{\"system\": \"https://ehr.example/referrals\", \"value\": \"%s\"}],");

	@Test
	void theSameKeyFromAnotherPhysicianIsTheirOwnNewReferral() {
		String key = "shared-" + UUID.randomUUID();
		assertThat(ANYONES_REFERRAL).doesNotContain("referrer");

		HttpCall.Response adas = submit(ADA, key);
		HttpCall.Response bens = submit(BEN, key);
		HttpCall.Response bensAgain = submit(BEN, key);
		HttpCall.Response adasAgain = submit(ADA, key);

		assertThat(adas.status()).isEqualTo(201);
		assertThat(bens.status()).as(bens.body()).isEqualTo(201);
		assertThat(bens.header("Idempotent-Replayed")).isNull();
		assertThat(bens.header("Location")).isNotEqualTo(adas.header("Location"));
		assertThat(referrerOf(bens)).isEqualTo("dr-ben");
		assertThat(referrerOf(adas)).isEqualTo("dr-ada");
		assertThat(bensAgain.header("Location")).isEqualTo(bens.header("Location"));
		assertThat(bensAgain.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(adasAgain.header("Location")).isEqualTo(adas.header("Location"));
		assertThat(adasAgain.header("Idempotent-Replayed")).isEqualTo("true");
	}

	@Test
	void anotherBodyUnderOnesOwnKeyIsStillUnprocessable() {
		String key = "own-" + UUID.randomUUID();
		submit(ADA, key);
		submit(BEN, key);

		HttpCall.Response changed = http("POST", "/api/referrals").authorization(BEN)
			.header("Idempotency-Key", key)
			.body(MediaType.APPLICATION_JSON_VALUE, ANYONES_REFERRAL.replace("left knee", "right knee"))
			.send();

		assertThat(changed.status()).isEqualTo(422);
		assertThat(changed.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
	}

	@Test
	void thePlacersOrderNumberFromAnotherPhysicianIsTheirOwnNewServiceRequest() {
		String order = "ref-" + UUID.randomUUID();
		String body = ANYONES_SERVICE_REQUEST.formatted(order);
		assertThat(body).doesNotContain("Practitioner", "requester");

		HttpCall.Response adas = fhirSubmit(ADA, body);
		HttpCall.Response bens = fhirSubmit(BEN, body);
		HttpCall.Response bensAgain = fhirSubmit(BEN, body);

		assertThat(adas.status()).as(adas.body()).isEqualTo(201);
		assertThat(bens.status()).as(bens.body()).isEqualTo(201);
		assertThat(idOf(bens)).isNotEqualTo(idOf(adas));
		assertThat(referrals.findById(idOf(bens)).orElseThrow().referrer().id()).isEqualTo("dr-ben");
		assertThat(bensAgain.status()).isEqualTo(200);
		assertThat(idOf(bensAgain)).isEqualTo(idOf(bens));
	}

	private HttpCall.Response submit(String token, String key) {
		return http("POST", "/api/referrals").authorization(token)
			.header("Idempotency-Key", key)
			.body(MediaType.APPLICATION_JSON_VALUE, ANYONES_REFERRAL)
			.send();
	}

	private HttpCall.Response fhirSubmit(String token, String body) {
		return http("POST", "/fhir/ServiceRequest").authorization(token).body("application/fhir+json", body).send();
	}

	private String referrerOf(HttpCall.Response created) {
		String id = created.header("Location").replace("/api/referrals/", "");
		return referrals.findById(id).orElseThrow().referrer().id();
	}

	private static String idOf(HttpCall.Response fhir) {
		return fhir.header("Location").replaceAll(".*/ServiceRequest/([^/]+).*", "$1");
	}

}
