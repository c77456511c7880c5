package org.prolo.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IntakeClientTests {

	private static final Pattern REFERRER = Pattern.compile("\"referrer\":\\{\"id\":\"([^\"]+)\"");

	private HttpServer intake;

	@AfterEach
	void stopIntake() {
		if (intake != null) {
			intake.stop(0);
		}
	}

	@Test
	void eachReferralGoesWithTheTokenOfThePhysicianItNames() throws Exception {
		List<String> seen = Collections.synchronizedList(new ArrayList<>());
		intake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		intake.createContext("/api/referrals", exchange -> {
			String body;
			try (InputStream in = exchange.getRequestBody()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			Matcher referrer = REFERRER.matcher(body);
			seen.add((referrer.find() ? referrer.group(1) : "?") + " "
					+ exchange.getRequestHeaders().getFirst("Authorization"));
			byte[] created = "{\"id\":\"R-1\"}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(201, created.length);
			exchange.getResponseBody().write(created);
			exchange.close();
		});
		intake.start();
		List<String> signedIn = Collections.synchronizedList(new ArrayList<>());
		URI endpoint = URI.create("http://127.0.0.1:" + intake.getAddress().getPort() + "/api/referrals");

		try (IntakeClient client = new IntakeClient(endpoint, user -> {
			signedIn.add(user);
			return "Bearer token-of-" + user;
		})) {
			assertThat(signedIn).as("signed in before the first request").containsExactly("dr-ada", "dr-ben");
			assertThat(client.submit(2).get()).isEqualTo(Optional.of("R-1"));
			assertThat(client.submit(3).get()).isEqualTo(Optional.of("R-1"));
		}

		assertThat(seen).containsExactly("dr-ada Bearer token-of-dr-ada", "dr-ben Bearer token-of-dr-ben");
	}

	@Test
	void aRefusedReferralHasNoId() throws Exception {
		intake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		intake.createContext("/api/referrals", exchange -> {
			exchange.getRequestBody().readAllBytes();
			exchange.sendResponseHeaders(429, -1);
			exchange.close();
		});
		intake.start();
		URI endpoint = URI.create("http://127.0.0.1:" + intake.getAddress().getPort() + "/api/referrals");

		try (IntakeClient client = new IntakeClient(endpoint, user -> "Bearer x")) {
			assertThat(client.submit(1).get()).isEmpty();
		}
	}

}
