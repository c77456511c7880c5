package org.prolo.platform.testing;

import java.io.IOException;
import java.net.URI;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One case of the services' bad-input suites: a request that must be answered with
 * {@code expectedStatus} as application/problem+json (RFC 9457), naming {@code badField}
 * among its {@code errors} when one is given.
 */
public record BadRequest(String name, HttpMethod method, String path, String contentType, byte[] body,
		int expectedStatus, String badField) {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** A request without a body. */
	public static BadRequest raw(String name, HttpMethod method, String path, int status, String field) {
		return new BadRequest(name, method, path, null, null, status, field);
	}

	/**
	 * A request with a 2 MB JSON body, above the shared request size limit (1 MiB).
	 */
	public static BadRequest oversized(String name, HttpMethod method, String path, int status) {
		return new BadRequest(name, method, path, MediaType.APPLICATION_JSON_VALUE, new byte[2 * 1024 * 1024], status,
				null);
	}

	/**
	 * Path ids no service may answer with a 5xx: {name, percent-encoded id}.
	 */
	public static String[][] oddIds() {
		return new String[][] { { "NUL", "%00" }, { "encoded slash", "R-1%2FR-2" }, { "dot segments", "..%2F..%2Fetc" },
				{ "RTL override", "%E2%80%AER-1" }, { "emoji", "%F0%9F%98%80" }, { "invalid UTF-8", "%ED%A0%80" },
				{ "script", "%3Cscript%3E" }, { "quote", "R-1'%20or%20'1'='1" }, { "10k chars", "R".repeat(10_000) } };
	}

	public MockHttpServletRequestBuilder build() {
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

	/** Sends the request and asserts the problem+json answer. */
	public void assertAnsweredBy(MockMvc mvc) throws Exception {
		assertAnsweredBy(mvc, new RequestPostProcessor[0]);
	}

	/**
	 * Sends the request as a given caller and asserts the problem+json answer: a secured
	 * service must look at the input of a caller who may send it, or every case would end
	 * at the sign-in check instead.
	 * @param caller adds the caller's credentials, e.g. an Authorization header
	 * ({@link #header(String, String)})
	 */
	public void assertAnsweredBy(MockMvc mvc, RequestPostProcessor... caller) throws Exception {
		MockHttpServletRequestBuilder request = build();
		for (RequestPostProcessor postProcessor : caller) {
			request.with(postProcessor);
		}
		assertProblem(mvc.perform(request).andReturn(), expectedStatus, badField, this);
	}

	/**
	 * The answer is {@code expectedStatus} as application/problem+json, naming
	 * {@code badField} among its {@code errors} when one is given.
	 * @param what the request, as the assertions name it
	 */
	public static void assertProblem(MvcResult result, int expectedStatus, String badField, Object what)
			throws IOException {
		int status = result.getResponse().getStatus();
		assertThat(status).as("status of %s", what).isEqualTo(expectedStatus);
		assertThat(result.getResponse().getContentType()).as("content type of %s", what)
			.isNotNull()
			.satisfies(type -> assertThat(
					MediaType.parseMediaType(type).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.isTrue());
		JsonNode problem = JSON.readTree(result.getResponse().getContentAsByteArray());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("title").asText()).isNotBlank();
		if (badField != null) {
			assertThat(problem.path("errors").findValuesAsText("field")).as("fields named for %s", what)
				.contains(badField);
		}
	}

	/** Adds a request header, e.g. {@code header("Authorization", "Bearer ...")}. */
	public static RequestPostProcessor header(String name, String value) {
		return request -> {
			request.addHeader(name, value);
			return request;
		};
	}

	@Override
	public String toString() {
		return name + " -> " + expectedStatus;
	}

}
