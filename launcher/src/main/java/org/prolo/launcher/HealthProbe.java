package org.prolo.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Asks a Spring Boot actuator whether its service is up. */
final class HealthProbe {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient client;

	HealthProbe(HttpClient client) {
		this.client = client;
	}

	/**
	 * True only for a health document whose overall status is UP; any failure to ask
	 * counts as not yet up.
	 */
	boolean check(String healthUrl) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(healthUrl))
			.timeout(Duration.ofSeconds(2))
			.header("Accept", "application/json")
			.GET()
			.build();
		try {
			// A DOWN service answers 503 with a JSON body, so the body decides, not the
			// status code.
			return isUpDocument(client.send(request, HttpResponse.BodyHandlers.ofString()).body());
		}
		catch (IOException e) {
			// Connection refused is the normal answer while the service is still
			// starting.
			return false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Reads the top-level status, so that a nested component reporting UP cannot make a
	 * DOWN service look up.
	 */
	static boolean isUpDocument(String healthJson) {
		if (healthJson == null || healthJson.isBlank()) {
			return false;
		}
		try {
			JsonNode status = JSON.readTree(healthJson).path("status");
			return status.isTextual() && "UP".equals(status.asText());
		}
		catch (JsonProcessingException e) {
			return false;
		}
	}

}
