package org.prolo.platform.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.prolo.platform.security.app.SecuredApplication;
import org.prolo.platform.security.testing.TestTokens;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP (MockMvc would not parse a raw path as Tomcat does): each API path has
 * one spelling, every other spelling is a 400 problem+json before any rule or controller
 * runs.
 */
@SpringBootTest(classes = SecuredApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.application.name=exams")
@Import(TestTokens.Decoder.class)
class CanonicalPathTests {

	static final HttpClient CLIENT = HttpClient.newHttpClient();

	static final String CLARA = TestTokens.user("clara", Roles.CLINICIANS);

	@LocalServerPort
	int port;

	@Test
	void answersTheCanonicalSpelling() throws Exception {
		HttpResponse<String> response = get("/api/me", CLARA);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"id\":\"clara\"");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/api/me/", "/api/me//", "/api/m%65", "/%61pi/me", "/api/me%2D", "/api/me;x=y",
			"/api;x=y/me", "//api/me", "/api//me", "/API/me", "/Api/me", "/api/./me", "/api/x/../me", "/api/me%2F",
			"/api/me%252F", "/api/me%3Bx=y" })
	void refusesEveryOtherSpellingWithAProblem(String path) throws Exception {
		HttpResponse<String> response = get(path, CLARA);

		assertThat(response.statusCode()).as("%s answered %s", path, response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).get()
			.asString()
			.startsWith("application/problem+json");
	}

	/** Tomcat answers these itself, before any filter, with its own page. */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/api/me%00", "/api/me%5C", "/api/me%5Cx" })
	void tomcatItselfRefusesAnEncodedNulOrBackslash(String path) throws Exception {
		assertThat(get(path, CLARA).statusCode()).isEqualTo(400);
	}

	@Test
	void keepsTrailingSlashesOfBrowserPagesOutsideTheApi() throws Exception {
		// Not refused by the firewall: Spring MVC answers (no such page), the sign-in
		// still applies.
		assertThat(get("/page/", CLARA).statusCode()).isNotEqualTo(400);
	}

	private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", authorization)
			.header("Accept", "application/json")
			.build();
		return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
