package org.prolo.scheduling;

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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad path ids and methods against the appointments endpoint, through the real store. The
 * answer is always a 4xx application/problem+json, never a 5xx.
 */
// Listeners off: this class exercises HTTP only and must not join the consumer group
// "scheduling" on the shared broker while another context of this JVM does; closed after
// the class for the same reason.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
		"spring.kafka.listener.auto-startup=false",
		"spring.datasource.url=jdbc:h2:mem:scheduling-bad-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" })
@AutoConfigureMockMvc
class BadInputTests {

	static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", SharedTestBroker::bootstrapServers);
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
		for (String[] id : oddIds()) {
			cases.add(raw("appointments: id " + id[0], HttpMethod.GET, "/api/referrals/" + id[1] + "/appointments", 400,
					null));
		}
		cases.add(raw("appointments: blank id", HttpMethod.GET, "/api/referrals/%20/appointments", 400, null));
		cases.add(raw("appointments: POST", HttpMethod.POST, "/api/referrals/R-1/appointments", 405, null));
		cases.add(new BadRequest("appointments: POST with a 2 MB body", HttpMethod.POST,
				"/api/referrals/R-1/appointments", MediaType.APPLICATION_JSON_VALUE, new byte[2 * 1024 * 1024], 405,
				null));
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
