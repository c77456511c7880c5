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
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.prolo.platform.demosignin.DemoSignIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits demo referrals to intake so that a fresh system has work in its task lists and
 * the physicians have referrals in the portal: in turn as dr-ada and dr-ben, each signed
 * in with a token of their own, since intake takes a referral only from the physician it
 * names as referrer.
 */
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

	/** A demo physician, as the identity service knows them. */
	record Referrer(String id, String name, String email) {
	}

	static final List<Referrer> REFERRERS = List.of(new Referrer("dr-ada", "Dr Ada Lovelace", "ada@referrers.example"),
			new Referrer("dr-ben", "Dr Ben Okafor", "ben@referrers.example"));

	/** What intake answered to one submission. */
	record Submission(int number, String referrer, int status, Optional<String> location, String body) {

		boolean accepted() {
			return status >= 200 && status < 300;
		}
	}

	private final HttpClient client;

	private final URI endpoint;

	private final Function<String, String> bearerFor;

	/**
	 * @param bearerFor the {@code Authorization} header value for a physician's user id
	 * ({@link DemoTokens#bearer})
	 */
	DemoReferrals(HttpClient client, URI endpoint, Function<String, String> bearerFor) {
		this.client = client;
		this.endpoint = endpoint;
		this.bearerFor = bearerFor;
	}

	/**
	 * Who refers the {@code number}th demo referral (1-based): dr-ada, dr-ben, dr-ada,
	 * ...
	 */
	static Referrer referrer(int number) {
		return REFERRERS.get((number - 1) % REFERRERS.size());
	}

	/** The JSON body of the {@code number}th demo referral (1-based). */
	static String body(int number, String pseudonym) {
		int variant = (number - 1) % CONDITIONS.size();
		ObjectNode referral = JSON.createObjectNode();
		ObjectNode referrer = referral.putObject("referrer");
		referrer.put("id", referrer(number).id());
		referrer.put("name", referrer(number).name());
		referrer.put("email", referrer(number).email());
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
			String physician = referrer(number).id();
			Submission submission;
			try {
				HttpRequest request = HttpRequest.newBuilder(endpoint)
					.timeout(Duration.ofSeconds(15))
					.header("Content-Type", "application/json")
					.header("Accept", "application/json")
					.header("Authorization", bearerFor.apply(physician))
					.header("Idempotency-Key", UUID.randomUUID().toString())
					.POST(HttpRequest.BodyPublishers.ofString(body(number, randomPseudonym())))
					.build();
				HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
				submission = new Submission(number, physician, response.statusCode(),
						response.headers().firstValue("Location"), response.body());
			}
			catch (IOException | DemoSignIn.SignInFailedException e) {
				// A sign-in that failed is as much "no answer" as a refused connection.
				submission = new Submission(number, physician, 0, Optional.empty(), e.toString());
			}
			if (submission.accepted()) {
				log.info("  referral {} by {}: {} {}", number, physician, submission.status(),
						submission.location().orElse("(no Location header)"));
			}
			else {
				log.warn("  referral {} by {} was not accepted: {} {}", number, physician,
						submission.status() == 0 ? "no answer" : "HTTP " + submission.status(), submission.body());
			}
			submissions.add(submission);
		}
		return submissions;
	}

}
