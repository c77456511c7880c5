package org.prolo.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** POST /api/referrals, asynchronously, one new Idempotency-Key per referral. */
final class IntakeClient implements AutoCloseable {

	private static final List<String> CONDITIONS = List.of("LOW_BACK_PAIN", "KNEE_OSTEOARTHRITIS",
			"LATERAL_EPICONDYLOSIS", "ACHILLES_TENDINOPATHY");

	private static final List<String> SITES = List.of("lower back", "left knee", "right elbow", "left Achilles tendon");

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

	private final ExecutorService executor = Executors.newFixedThreadPool(4);

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.executor(executor)
		.build();

	private final URI endpoint = URI.create("http://127.0.0.1:8081/api/referrals");

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	/** The referral id from a 201, empty for any other answer. */
	CompletableFuture<Optional<String>> submit(int number) {
		HttpRequest request = HttpRequest.newBuilder(endpoint)
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("Idempotency-Key", "bench-" + run + "-" + number)
			.POST(HttpRequest.BodyPublishers.ofString(body(number)))
			.build();
		return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
			if (response.statusCode() != 201) {
				return Optional.empty();
			}
			Matcher id = ID.matcher(response.body());
			return id.find() ? Optional.of(id.group(1)) : Optional.empty();
		});
	}

	private String body(int number) {
		int variant = number % CONDITIONS.size();
		return """
				{"referrer":{"id":"dr-bench","name":"Dr Bench Mark","email":"bench@referrers.example"},
				 "patient":{"name":"Bench Patient %d","birthDate":"1970-01-01","address":"1 Load Street"},
				 "condition":"%s","bodySite":"%s","painDurationMonths":9,
				 "priorConservativeCare":true,"anticoagulated":false,"allergyToInjectate":false,"pregnant":false,
				 "uncontrolledDiabetes":false,"activeInfectionAtSite":false,"malignancyAtSite":false,
				 "urgency":"ROUTINE","notes":"Benchmark referral %s-%d"}""".formatted(number, CONDITIONS.get(variant),
				SITES.get(variant), run, number);
	}

	@Override
	public void close() {
		executor.shutdownNow();
	}

}
