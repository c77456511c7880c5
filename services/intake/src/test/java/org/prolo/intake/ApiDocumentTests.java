package org.prolo.intake;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.prolo.platform.security.testing.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intake's OpenAPI description offers Swagger UI's bearer sign-in: the identity service's
 * access token as an HTTP bearer JWT scheme, required by every operation.
 */
class ApiDocumentTests extends IntakeHttpContext {

	@Test
	void namesTheBearerSchemeAndRequiresItEverywhere() {
		HttpCall.Response response = http("GET", "/v3/api-docs").authorization(TestTokens.physician("dr-ada")).send();

		assertThat(response.status()).isEqualTo(200);
		JsonNode api = response.json();
		JsonNode bearer = api.at("/components/securitySchemes/bearer");
		assertThat(bearer.path("type").asText()).isEqualTo("http");
		assertThat(bearer.path("scheme").asText()).isEqualTo("bearer");
		assertThat(bearer.path("bearerFormat").asText()).isEqualTo("JWT");
		assertThat(api.path("security")).singleElement()
			.satisfies(requirement -> assertThat(requirement.has("bearer")).isTrue());
		assertThat(api.at("/info/title").asText()).isEqualTo("Prolotherapy referral intake");
		assertThat(api.at("/components/schemas/SubmitReferralRequest/required").toString()).doesNotContain("referrer");
	}

}
