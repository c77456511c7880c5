package org.prolo.intake.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.prolo.intake.HttpCall;
import org.prolo.intake.IntakeHttpContext;
import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.TestTokens;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The rate limit on submissions over HTTP, with 2 at once and 1 a minute, so that no
 * token grows back while a test runs. Each test submits as a physician of its own.
 */
class SubmissionRateLimitTests extends IntakeHttpContext {

	static final ObjectMapper JSON = new ObjectMapper();

	@DynamicPropertySource
	static void strictLimit(DynamicPropertyRegistry registry) {
		registry.add("intake.submissions.rate-limit.per-minute", () -> "1");
		registry.add("intake.submissions.rate-limit.burst", () -> "2");
	}

	@Test
	void refusesSubmissionsBeyondTheBurstWithRetryAfterAndLeavesOtherPhysiciansAlone() throws Exception {
		assertThat(submit("dr-busy", null).getStatus()).isEqualTo(201);
		assertThat(submit("dr-busy", null).getStatus()).isEqualTo(201);

		MockHttpServletResponse refused = submit("dr-busy", null);

		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(refused.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(Long.parseLong(refused.getHeader(HttpHeaders.RETRY_AFTER))).isBetween(1L, 60L);
		JsonNode problem = JSON.readTree(refused.getContentAsString());
		assertThat(problem.path("type").asText()).isEqualTo("https://prolo.example/problems/too-many-submissions");
		assertThat(problem.path("retryAfterSeconds").asText()).isEqualTo(refused.getHeader(HttpHeaders.RETRY_AFTER));
		assertThat(submit("dr-calm", null).getStatus()).isEqualTo(201);
	}

	@Test
	void replaysOfASubmissionDoNotSpendTheBudget() throws Exception {
		MockHttpServletResponse first = submit("dr-retrying", "key-1");
		for (int i = 0; i < 3; i++) {
			MockHttpServletResponse replay = submit("dr-retrying", "key-1");
			assertThat(replay.getStatus()).isEqualTo(201);
			assertThat(replay.getHeader("Idempotent-Replayed")).isEqualTo("true");
			assertThat(replay.getHeader(HttpHeaders.LOCATION)).isEqualTo(first.getHeader(HttpHeaders.LOCATION));
		}

		assertThat(submit("dr-retrying", "key-2").getStatus()).isEqualTo(201);
		assertThat(submit("dr-retrying", "key-3").getStatus()).isEqualTo(429);
		// Spent, and a lost answer can still be fetched again.
		assertThat(submit("dr-retrying", "key-1").getStatus()).isEqualTo(201);
	}

	@Test
	void theFhirApiSharesTheBudgetAndAnswersAnOperationOutcome() throws Exception {
		String referral = ADA_SERVICE_REQUEST.replace("dr-ada", "dr-fhir");
		assertThat(submit("dr-fhir", null).getStatus()).isEqualTo(201);
		assertThat(submitFhir(referral).status()).isEqualTo(201);

		var refused = submitFhir(referral);

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header(HttpHeaders.RETRY_AFTER)).isNotBlank();
		JsonNode outcome = refused.json();
		assertThat(outcome.path("resourceType").asText()).isEqualTo("OperationOutcome");
		assertThat(outcome.at("/issue/0/code").asText()).isEqualTo("throttled");
	}

	private MockHttpServletResponse submit(String physician, String idempotencyKey) throws Exception {
		var request = post("/api/referrals").header(HttpHeaders.AUTHORIZATION, asAda(physician))
			.contentType(MediaType.APPLICATION_JSON)
			.content(ADA_REFERRAL.replace("dr-ada", physician));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", physician + "-" + idempotencyKey);
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	private HttpCall.Response submitFhir(String body) {
		return http("POST", "/fhir/ServiceRequest").authorization(asAda("dr-fhir"))
			.body("application/fhir+json", body)
			.send();
	}

	/** The physician signed in under the name and address the bodies give. */
	private static String asAda(String physician) {
		return TestTokens.person(physician, "Dr Ada Lovelace", "ada@referrers.example", Roles.PHYSICIAN);
	}

}
