package org.prolo.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Submits demo referrals to intake so that a fresh system has work in its task lists. */
final class DemoReferrals {

	private static final Logger log = LoggerFactory.getLogger(DemoReferrals.class);

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * Conditions of the prolotherapy policy, rotated so the demo shows more than one
	 * path.
	 */
	static final List<String> CONDITIONS = List.of("LOW_BACK_PAIN", "KNEE_OSTEOARTHRITIS", "LATERAL_EPICONDYLOSIS",
			"ACHILLES_TENDINOPATHY");

	private static final List<String> BODY_SITES = List.of("lower back", "left knee", "right elbow",
			"left Achilles tendon");

	/** What intake answered to one submission. */
	record Submission(int number, int status, Optional<String> location, String body) {

		boolean accepted() {
			return status >= 200 && status < 300;
		}
	}

	private final HttpClient client;

	private final URI endpoint;

	DemoReferrals(HttpClient client, URI endpoint) {
		this.client = client;
		this.endpoint = endpoint;
	}

	/** The JSON body of the {@code number}th demo referral (1-based). */
	static String body(int number, String pseudonym) {
		int variant = (number - 1) % CONDITIONS.size();
		ObjectNode referral = JSON.createObjectNode();
		ObjectNode referrer = referral.putObject("referrer");
		referrer.put("id", "dr-ada");
		referrer.put("name", "Dr Ada Lovelace");
		referrer.put("email", "ada@referrers.example");
		ObjectNode patient = referral.putObject("patient");
		patient.put("pseudonym", pseudonym);
		patient.put("name", "Demo Patient " + number);
		patient.put("birthDate", "1970-01-01");
		patient.put("address", "1 Demo Street");
		referral.put("condition", CONDITIONS.get(variant));
		referral.put("bodySite", BODY_SITES.get(variant));
		referral.put("painDurationMonths", 9);
		referral.put("priorConservativeCare", true);
		referral.put("anticoagulated", false);
		referral.put("allergyToInjectate", false);
		referral.put("pregnant", false);
		referral.put("uncontrolledDiabetes", false);
		referral.put("activeInfectionAtSite", false);
		referral.put("malignancyAtSite", false);
		referral.put("urgency", "ROUTINE");
		referral.put("notes", "Demo referral");
		try {
			return JSON.writeValueAsString(referral);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("A tree of plain values always serialises", e);
		}
	}

	static String randomPseudonym() {
		byte[] bytes = new byte[4];
		RANDOM.nextBytes(bytes);
		return "P-" + HexFormat.of().formatHex(bytes);
	}

	/**
	 * Submits {@code count} referrals one after another, each with its own idempotency
	 * key.
	 */
	List<Submission> submit(int count) throws InterruptedException {
		List<Submission> submissions = new ArrayList<>(count);
		for (int number = 1; number <= count; number++) {
			HttpRequest request = HttpRequest.newBuilder(endpoint)
				.timeout(Duration.ofSeconds(15))
				.header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.POST(HttpRequest.BodyPublishers.ofString(body(number, randomPseudonym())))
				.build();
			Submission submission;
			try {
				HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
				submission = new Submission(number, response.statusCode(), response.headers().firstValue("Location"),
						response.body());
			}
			catch (IOException e) {
				submission = new Submission(number, 0, Optional.empty(), e.toString());
			}
			if (submission.accepted()) {
				log.info("  referral {}: {} {}", number, submission.status(),
						submission.location().orElse("(no Location header)"));
			}
			else {
				log.warn("  referral {} was not accepted: {} {}", number,
						submission.status() == 0 ? "no answer" : "HTTP " + submission.status(), submission.body());
			}
			submissions.add(submission);
		}
		return submissions;
	}

}
