package org.prolo.platform.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.prolo.platform.security.app.SecuredApplication;
import org.prolo.platform.security.testing.TestTokens;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service with springdoc and no OpenAPI configuration of its own describes its API with
 * bearer sign-in, which Swagger UI offers as "Authorize".
 */
@SpringBootTest(classes = SecuredApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.application.name=exams")
@Import(TestTokens.Decoder.class)
class ApiDocsBearerSignInTests {

	@LocalServerPort
	int port;

	@Test
	void apiDescriptionOffersBearerSignInForEveryOperation() throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
			.header("Authorization", TestTokens.user("clara", Roles.CLINICIANS))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode api = new ObjectMapper().readTree(response.body());
		JsonNode scheme = api.path("components").path("securitySchemes").path(ApiDocsBearerSignIn.SCHEME);
		assertThat(scheme.path("type").asText()).isEqualTo("http");
		assertThat(scheme.path("scheme").asText()).isEqualTo("bearer");
		assertThat(scheme.path("bearerFormat").asText()).isEqualTo("JWT");
		assertThat(api.path("security")).singleElement()
			.satisfies(requirement -> assertThat(requirement.has(ApiDocsBearerSignIn.SCHEME)).isTrue());
		assertThat(api.path("paths").has("/api/me")).isTrue();
	}

}
