package org.prolo.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One request to the running service over real HTTP, for what MockMvc cannot reach (the
 * FHIR servlet beside Spring MVC). Redirects are not followed.
 */
public final class HttpCall {

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpRequest.Builder request;

	private String method;

	private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

	private HttpCall(String method, URI uri) {
		this.method = method;
		this.request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
	}

	/**
	 * @param path as sent, already percent-encoded where it must be
	 */
	public static HttpCall to(int port, String method, String path) {
		return new HttpCall(method, URI.create("http://localhost:" + port + path));
	}

	/**
	 * @param authorization the whole header value, e.g. from TestTokens; null for none
	 */
	public HttpCall authorization(String authorization) {
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this;
	}

	public HttpCall header(String name, String value) {
		request.header(name, value);
		return this;
	}

	public HttpCall body(String contentType, String content) {
		request.header("Content-Type", contentType);
		body = HttpRequest.BodyPublishers.ofString(content, StandardCharsets.UTF_8);
		return this;
	}

	public Response send() {
		try {
			HttpResponse<String> response = CLIENT.send(request.method(method, body).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(response);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public record Response(HttpResponse<String> raw) {

		public int status() {
			return raw.statusCode();
		}

		public String header(String name) {
			return raw.headers().firstValue(name).orElse(null);
		}

		public String contentType() {
			return header("Content-Type");
		}

		public String body() {
			return raw.body();
		}

		public JsonNode json() {
			try {
				return JSON.readTree(raw.body());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
