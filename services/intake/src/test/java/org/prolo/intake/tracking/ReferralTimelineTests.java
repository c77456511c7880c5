package org.prolo.intake.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.prolo.intake.IntakeHttpContext;
import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.FakeService;
import org.prolo.platform.security.testing.TestTokens;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * GET /api/referrals/{id}/timeline against a fake timeline service and token endpoint:
 * intake asks with its own client-credentials token, and answers 503 when the timeline
 * fails or hangs.
 */
class ReferralTimelineTests extends IntakeHttpContext {

	static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void readsTheTimelineWithIntakesOwnClientCredentialsToken() throws Exception {
		String id = submittedBy("dr-ada");
		String ada = TestTokens.physician("dr-ada");

		MockHttpServletResponse response = timeline(id, ada);

		assertThat(response.getStatus()).isEqualTo(200);
		JsonNode timeline = JSON.readTree(response.getContentAsString());
		assertThat(timeline.path("referralId").asText()).isEqualTo(id);
		assertThat(timeline.path("fhirStatus").asText()).isEqualTo("in-progress");
		assertThat(timeline.path("entries").findValuesAsText("type")).containsExactly("ReferralSubmitted",
				"ReferralTriaged");
		assertThat(TIMELINE.tokenRequests()).isNotEmpty()
			.allSatisfy(request -> assertThat(request).contains("grant_type=client_credentials"));
		String bearer = TIMELINE.bearersSeen().get(TIMELINE.bearersSeen().size() - 1);
		assertThat(bearer).isNotEqualTo(ada);
		JsonNode claims = FakeService.claimsOf(bearer);
		assertThat(claims.path("sub").asText()).isEqualTo("intake");
		assertThat(claims.path("scope").asText()).contains(Roles.TIMELINE_READ);
		assertThat(claims.has("groups")).as("a client token carries no groups").isFalse();
	}

	@Test
	void staffReadTheTimelineToo() throws Exception {
		String id = submittedBy("dr-ada");

		assertThat(timeline(id, TestTokens.user("carl", Roles.CLINICAL_COORDINATORS)).getStatus()).isEqualTo(200);
	}

	@Test
	void aReferralTheTimelineHasNotSeenYetHasNoEntriesAndIntakesStatus() throws Exception {
		String id = submittedBy("dr-ada");
		TIMELINE.answer(timelinePath(id), 404, "{\"title\":\"Referral not found\",\"status\":404}");

		MockHttpServletResponse response = timeline(id, TestTokens.physician("dr-ada"));

		assertThat(response.getStatus()).isEqualTo(200);
		JsonNode timeline = JSON.readTree(response.getContentAsString());
		assertThat(timeline.path("status").asText()).isEqualTo("SUBMITTED");
		assertThat(timeline.path("fhirStatus").asText()).isEqualTo("requested");
		assertThat(timeline.path("entries")).isEmpty();
	}

	@Test
	void aFailingTimelineIsAServiceUnavailableProblem() throws Exception {
		String id = submittedBy("dr-ada");
		TIMELINE.answer(timelinePath(id), 500, "{\"title\":\"failing on purpose\"}");

		assertUnavailable(timeline(id, TestTokens.physician("dr-ada")));
	}

	@Test
	void aHangingTimelineTimesOutIntoAServiceUnavailableProblem() throws Exception {
		String id = submittedBy("dr-ada");
		TIMELINE.hang(timelinePath(id));

		assertUnavailable(timeline(id, TestTokens.physician("dr-ada")));
	}

	@Test
	void anotherPhysicianCannotReachTheTimelineThroughIntake() throws Exception {
		String id = submittedBy("dr-ada");
		int seenBefore = TIMELINE.bearersSeen().size();

		assertThat(timeline(id, TestTokens.physician("dr-ben")).getStatus()).isEqualTo(404);
		assertThat(TIMELINE.bearersSeen()).hasSize(seenBefore);
	}

	private static void assertUnavailable(MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(JSON.readTree(response.getContentAsString()).path("title").asText())
			.isEqualTo("Timeline unavailable");
	}

	private MockHttpServletResponse timeline(String id, String token) throws Exception {
		return mvc.perform(get("/api/referrals/{id}/timeline", id).header(HttpHeaders.AUTHORIZATION, token))
			.andReturn()
			.getResponse();
	}

}
