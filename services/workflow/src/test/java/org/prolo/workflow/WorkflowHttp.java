package org.prolo.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Plain HTTP against the running service, as a client that follows no redirect: what a
 * request gets is what the test sees (a 302 to sign in is a 302). A null bearer is an
 * anonymous call.
 */
public final class WorkflowHttp {

	private final String root;

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	public WorkflowHttp(int port) {
		this.root = "http://localhost:" + port;
	}

	public HttpResponse<String> get(String path, String bearer, String accept) {
		return send(request(path, bearer).header("Accept", accept).GET());
	}

	public HttpResponse<String> post(String path, String bearer, String contentType, String body) {
		return send(request(path, bearer).header("Accept", "application/json")
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	public HttpResponse<String> put(String path, String bearer, String contentType, String body) {
		return send(request(path, bearer).header("Accept", "application/json")
			.header("Content-Type", contentType)
			.PUT(HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpRequest.Builder request(String path, String bearer) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.root + path))
			.timeout(Duration.ofSeconds(60));
		if (bearer != null) {
			request.header("Authorization", bearer);
		}
		return request;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
