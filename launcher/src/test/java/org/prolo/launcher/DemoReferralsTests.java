package org.prolo.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.prolo.platform.demosignin.DemoSignIn;

class DemoReferralsTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private HttpServer intake;

	@AfterEach
	void stopIntake() {
		if (intake != null) {
			intake.stop(0);
		}
	}

	@Test
	void theBodyHasExactlyTheReferralFieldsIntakeExpects() throws IOException {
		JsonNode body = JSON.readTree(DemoReferrals.body(2, "P-0a1b2c3d"));

		assertThat(body.fieldNames()).toIterable()
			.containsExactlyInAnyOrder("referrer", "patient", "condition", "bodySite", "painDurationMonths",
					"priorConservativeCare", "anticoagulated", "allergyToInjectate", "pregnant", "uncontrolledDiabetes",
					"activeInfectionAtSite", "malignancyAtSite", "urgency", "notes");
		assertThat(body.path("referrer").toString())
			.isEqualTo("{\"id\":\"dr-ben\",\"name\":\"Dr Ben Okafor\",\"email\":\"ben@referrers.example\"}");
		assertThat(body.path("patient").toString())
			.isEqualTo("{\"pseudonym\":\"P-0a1b2c3d\",\"name\":\"Demo Patient 2\",\"birthDate\":\"1970-01-01\","
					+ "\"address\":\"1 Demo Street\"}");
		assertThat(body.path("condition").asText()).isEqualTo("KNEE_OSTEOARTHRITIS");
		assertThat(body.path("bodySite").asText()).isEqualTo("left knee");
		assertThat(body.path("painDurationMonths").asInt()).isEqualTo(9);
		assertThat(body.path("priorConservativeCare").asBoolean()).isTrue();
		assertThat(body.path("anticoagulated").isBoolean()).isTrue();
		assertThat(body.path("anticoagulated").asBoolean()).isFalse();
		assertThat(body.path("urgency").asText()).isEqualTo("ROUTINE");
		assertThat(body.path("notes").asText()).isEqualTo("Demo referral");
	}

	@Test
	void successiveReferralsRotateThroughThePolicyConditions() throws IOException {
		List<String> conditions = new ArrayList<>();
		for (int number = 1; number <= 5; number++) {
			conditions.add(JSON.readTree(DemoReferrals.body(number, "P-00000000")).path("condition").asText());
		}

		assertThat(conditions).containsExactly("LOW_BACK_PAIN", "KNEE_OSTEOARTHRITIS", "LATERAL_EPICONDYLOSIS",
				"ACHILLES_TENDINOPATHY", "LOW_BACK_PAIN");
	}

	@Test
	void drAdaAndDrBenReferInTurn() throws IOException {
		List<String> referrers = new ArrayList<>();
		for (int number = 1; number <= 4; number++) {
			referrers.add(JSON.readTree(DemoReferrals.body(number, "P-00000000")).at("/referrer/id").asText());
		}

		assertThat(referrers).containsExactly("dr-ada", "dr-ben", "dr-ada", "dr-ben");
	}

	@Test
	void pseudonymsAreEightRandomHexDigits() {
		List<String> pseudonyms = IntStream.range(0, 20).mapToObj(i -> DemoReferrals.randomPseudonym()).toList();

		assertThat(pseudonyms).allMatch(pseudonym -> pseudonym.matches("P-[0-9a-f]{8}"));
		assertThat(pseudonyms).doesNotHaveDuplicates();
	}

	@Test
	void eachSubmissionCarriesItsOwnIdempotencyKeyAndReturnsTheLocation() throws Exception {
		List<String> keys = Collections.synchronizedList(new ArrayList<>());
		List<JsonNode> bodies = Collections.synchronizedList(new ArrayList<>());
		URI endpoint = startIntake(exchange -> {
			keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
			try (InputStream in = exchange.getRequestBody()) {
				bodies.add(JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
			}
			boolean json = "application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"));
			exchange.getResponseHeaders().add("Location", "/api/referrals/ref-" + keys.size());
			exchange.sendResponseHeaders(json && "POST".equals(exchange.getRequestMethod()) ? 201 : 415, -1);
			exchange.close();
		});

		List<DemoReferrals.Submission> submissions = submit(endpoint, 3);

		assertThat(submissions).extracting(DemoReferrals.Submission::status).containsExactly(201, 201, 201);
		assertThat(submissions).extracting(submission -> submission.location().orElseThrow())
			.containsExactly("/api/referrals/ref-1", "/api/referrals/ref-2", "/api/referrals/ref-3");
		assertThat(keys).hasSize(3).doesNotContainNull().doesNotHaveDuplicates();
		assertThat(bodies).extracting(body -> body.path("patient").path("name").asText())
			.containsExactly("Demo Patient 1", "Demo Patient 2", "Demo Patient 3");
	}

	@Test
	void eachReferralIsSentWithTheTokenOfThePhysicianItNames() throws Exception {
		List<String> pairs = Collections.synchronizedList(new ArrayList<>());
		URI endpoint = startIntake(exchange -> {
			try (InputStream in = exchange.getRequestBody()) {
				String referrer = JSON.readTree(in.readAllBytes()).at("/referrer/id").asText();
				pairs.add(referrer + " " + exchange.getRequestHeaders().getFirst("Authorization"));
			}
			exchange.sendResponseHeaders(201, -1);
			exchange.close();
		});

		List<DemoReferrals.Submission> submissions = submit(endpoint, 3);

		assertThat(pairs).containsExactly("dr-ada Bearer token-of-dr-ada", "dr-ben Bearer token-of-dr-ben",
				"dr-ada Bearer token-of-dr-ada");
		assertThat(submissions).extracting(DemoReferrals.Submission::referrer)
			.containsExactly("dr-ada", "dr-ben", "dr-ada");
	}

	@Test
	void aPhysicianWhoCannotSignInIsReportedWithoutStoppingTheOthers() throws Exception {
		List<String> referrers = Collections.synchronizedList(new ArrayList<>());
		URI endpoint = startIntake(exchange -> {
			try (InputStream in = exchange.getRequestBody()) {
				referrers.add(JSON.readTree(in.readAllBytes()).at("/referrer/id").asText());
			}
			exchange.sendResponseHeaders(201, -1);
			exchange.close();
		});
		// What DemoSignIn throws when identity refuses: the real class, from a sign-in at
		// a port where nothing listens.
		DemoSignIn nowhere = new DemoSignIn("http://127.0.0.1:" + closedPort());

		List<DemoReferrals.Submission> submissions = new DemoReferrals(HttpClient.newHttpClient(), endpoint,
				user -> user.equals("dr-ben") ? nowhere.signIn(user).bearer() : "Bearer token-of-" + user)
			.submit(2);

		assertThat(submissions).extracting(DemoReferrals.Submission::accepted).containsExactly(true, false);
		assertThat(submissions.get(1).body()).contains("not reachable");
		assertThat(referrers).containsExactly("dr-ada");
	}

	@Test
	void aRejectedReferralIsReportedAsNotAccepted() throws Exception {
		URI endpoint = startIntake(exchange -> {
			exchange.getRequestBody().readAllBytes();
			byte[] problem = "{\"title\":\"Bad Request\"}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(400, problem.length);
			exchange.getResponseBody().write(problem);
			exchange.close();
		});

		List<DemoReferrals.Submission> submissions = submit(endpoint, 1);

		assertThat(submissions).singleElement().satisfies(submission -> {
			assertThat(submission.accepted()).isFalse();
			assertThat(submission.status()).isEqualTo(400);
			assertThat(submission.body()).contains("Bad Request");
		});
	}

	/** A stand-in for intake's referral endpoint, answering as the handler says. */
	private URI startIntake(HttpHandler handler) throws IOException {
		intake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		intake.createContext("/api/referrals", handler);
		intake.start();
		return URI.create("http://127.0.0.1:" + intake.getAddress().getPort() + "/api/referrals");
	}

	/**
	 * Submits that many demo referrals, each physician signed in with a token of their
	 * own.
	 */
	private static List<DemoReferrals.Submission> submit(URI endpoint, int count) throws InterruptedException {
		return new DemoReferrals(HttpClient.newHttpClient(), endpoint, user -> "Bearer token-of-" + user).submit(count);
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
