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
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.prolo.launcher.DemoTokens;

/**
 * POST /api/referrals, asynchronously, one new Idempotency-Key per referral, as dr-ada
 * and dr-ben in turn: each referral names its physician as referrer and goes with that
 * physician's token (intake refuses a referral from anyone else). Tokens come from the
 * stack's identity service and are renewed before they expire, so a run may last longer
 * than a token.
 */
final class IntakeClient implements AutoCloseable {

	private static final List<String> CONDITIONS = List.of("LOW_BACK_PAIN", "KNEE_OSTEOARTHRITIS",
			"LATERAL_EPICONDYLOSIS", "ACHILLES_TENDINOPATHY");

	private static final List<String> SITES = List.of("lower back", "left knee", "right elbow", "left Achilles tendon");

	/** The demo physicians: id, name, e-mail. */
	private static final List<List<String>> PHYSICIANS = List.of(
			List.of("dr-ada", "Dr Ada Lovelace", "ada@referrers.example"),
			List.of("dr-ben", "Dr Ben Okafor", "ben@referrers.example"));

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

	private final ExecutorService executor = Executors.newFixedThreadPool(4);

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.executor(executor)
		.build();

	private final URI endpoint;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private final Function<String, String> bearerFor;

	IntakeClient(DemoTokens tokens) {
		this(URI.create("http://127.0.0.1:8081/api/referrals"), tokens::bearer);
	}

	/**
	 * @param bearerFor the {@code Authorization} header value for a physician's user id
	 */
	IntakeClient(URI endpoint, Function<String, String> bearerFor) {
		this.endpoint = endpoint;
		this.bearerFor = bearerFor;
		// Signed in before the clock starts: the first requests of a step must not carry
		// the sign-in's latency.
		PHYSICIANS.forEach(physician -> bearerFor.apply(physician.get(0)));
	}

	/** The referral id from a 201, empty for any other answer. */
	CompletableFuture<Optional<String>> submit(int number) {
		List<String> physician = physician(number);
		HttpRequest request = HttpRequest.newBuilder(endpoint)
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("Authorization", bearerFor.apply(physician.get(0)))
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

	/**
	 * As one of the demo physicians, with their own reference when one is given; the id
	 * from a 201, empty for any other answer.
	 */
	CompletableFuture<Optional<String>> submitAs(String physicianId, int number, String reference) {
		List<String> physician = PHYSICIANS.stream()
			.filter(p -> p.get(0).equals(physicianId))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Not a demo physician: " + physicianId));
		String body = body(number, physician);
		if (reference != null) {
			body = body.substring(0, body.lastIndexOf('}')) + ",\"referrerReference\":\"" + reference + "\"}";
		}
		HttpRequest request = HttpRequest.newBuilder(endpoint)
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("Authorization", bearerFor.apply(physicianId))
			.header("Idempotency-Key", "bench-" + run + "-" + physicianId + "-" + number)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
			if (response.statusCode() != 201) {
				return Optional.empty();
			}
			Matcher id = ID.matcher(response.body());
			return id.find() ? Optional.of(id.group(1)) : Optional.empty();
		});
	}

	static List<String> physician(int number) {
		return PHYSICIANS.get(Math.floorMod(number, PHYSICIANS.size()));
	}

	String body(int number) {
		return body(number, physician(number));
	}

	private String body(int number, List<String> physician) {
		int variant = number % CONDITIONS.size();
		return """
				{"referrer":{"id":"%s","name":"%s","email":"%s"},
				 "patient":{"name":"Bench Patient %d","birthDate":"1970-01-01","address":"1 Load Street"},
				 "condition":"%s","bodySite":"%s","painDurationMonths":9,
				 "priorConservativeCare":true,"anticoagulated":false,"allergyToInjectate":false,"pregnant":false,
				 "uncontrolledDiabetes":false,"activeInfectionAtSite":false,"malignancyAtSite":false,
				 "urgency":"ROUTINE","notes":"Benchmark referral %s-%d"}""".formatted(physician.get(0),
				physician.get(1), physician.get(2), number, CONDITIONS.get(variant), SITES.get(variant), run, number);
	}

	@Override
	public void close() {
		executor.shutdownNow();
	}

}
