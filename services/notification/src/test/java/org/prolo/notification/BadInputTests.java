package org.prolo.notification;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.prolo.platform.broker.SharedTestBroker;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad query values and methods against the letters and mailbox endpoints, through the
 * real store. The answer is always a 4xx application/problem+json, never a 5xx.
 */
// Listeners off: this class exercises HTTP only and must not join the consumer group
// "notification" on the shared broker while another context of this JVM does; closed
// after
// the class for the same reason.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
		"spring.kafka.listener.auto-startup=false",
		"spring.datasource.url=jdbc:h2:mem:notification-bad-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
		"prolo.notification.outbox-retry=PT10M" })
@AutoConfigureMockMvc
class BadInputTests {

	static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", SharedTestBroker::bootstrapServers);
		registry.add("prolo.notification.embedded-smtp.port", TestSocketUtils::findAvailableTcpPort);
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("badRequests")
	void answersEveryBadRequestWithA4xxProblem(BadRequest bad) throws Exception {
		MvcResult result = mvc.perform(bad.build()).andReturn();

		int status = result.getResponse().getStatus();
		assertThat(status).as("status of %s", bad).isEqualTo(bad.expectedStatus());
		assertThat(result.getResponse().getContentType()).as("content type of %s", bad)
			.isNotNull()
			.satisfies(type -> assertThat(
					MediaType.parseMediaType(type).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.isTrue());
		JsonNode problem = JSON.readTree(result.getResponse().getContentAsByteArray());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("title").asText()).isNotBlank();
		if (bad.badField() != null) {
			assertThat(problem.path("errors").findValuesAsText("field")).as("fields named for %s", bad)
				.contains(bad.badField());
		}
	}

	static Stream<BadRequest> badRequests() {
		List<BadRequest> cases = new ArrayList<>();
		cases.add(raw("letters: no referralId", HttpMethod.GET, "/api/letters", 400, "referralId"));
		cases.add(raw("letters: blank referralId", HttpMethod.GET, "/api/letters?referralId=%20", 400, "referralId"));
		cases.add(raw("letters: 10k chars referralId", HttpMethod.GET, "/api/letters?referralId=" + "R".repeat(10_000),
				400, "referralId"));
		for (String[] id : oddIds()) {
			if (!id[0].equals("10k chars")) {
				cases.add(raw("letters: referralId " + id[0], HttpMethod.GET, "/api/letters?referralId=" + id[1], 400,
						"referralId"));
			}
		}
		cases.add(raw("letters: POST", HttpMethod.POST, "/api/letters?referralId=R-1", 405, null));
		cases.add(raw("mailbox: POST", HttpMethod.POST, "/api/mailbox", 405, null));
		cases.add(new BadRequest("mailbox: DELETE with a 2 MB body", HttpMethod.DELETE, "/api/mailbox",
				MediaType.APPLICATION_JSON_VALUE, new byte[2 * 1024 * 1024], 405, null));
		return cases.stream();
	}

	/** Path ids a client may send: odd characters, percent-encoded where they must be. */
	static String[][] oddIds() {
		return new String[][] { { "NUL", "%00" }, { "encoded slash", "R-1%2FR-2" }, { "dot segments", "..%2F..%2Fetc" },
				{ "RTL override", "%E2%80%AER-1" }, { "emoji", "%F0%9F%98%80" }, { "invalid UTF-8", "%ED%A0%80" },
				{ "script", "%3Cscript%3E" }, { "quote", "R-1'%20or%20'1'='1" }, { "10k chars", "R".repeat(10_000) } };
	}

	private static BadRequest raw(String name, HttpMethod method, String path, int status, String field) {
		return new BadRequest(name, method, path, null, null, status, field);
	}

	record BadRequest(String name, HttpMethod method, String path, String contentType, byte[] body, int expectedStatus,
			String badField) {

		MockHttpServletRequestBuilder build() {
			// The path is sent as written (already percent-encoded where it must be).
			MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(method, URI.create(path));
			if (contentType != null) {
				request.contentType(contentType);
			}
			if (body != null) {
				request.content(body);
			}
			return request;
		}

		@Override
		public String toString() {
			return name + " -> " + expectedStatus;
		}

	}

}
