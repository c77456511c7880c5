package org.prolo.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.prolo.platform.demosignin.DemoSignIn;
import org.prolo.platform.demosignin.DemoSignIn.Token;
import org.prolo.platform.testing.MovingClock;

class DemoTokensTests {

	private final MovingClock clock = new MovingClock(Instant.parse("2025-11-26T10:00:00Z"));

	private final List<String> signIns = Collections.synchronizedList(new ArrayList<>());

	private final DemoTokens tokens = new DemoTokens(user -> {
		signIns.add(user);
		return new Token(user + "-" + signIns.size(), clock.instant().plus(Duration.ofMinutes(5)));
	}, clock);

	private HttpServer identity;

	@AfterEach
	void stopIdentity() {
		if (identity != null) {
			identity.stop(0);
		}
	}

	@Test
	void aUserSignsInOnceWhileTheTokenIsFresh() {
		assertThat(tokens.bearer("dr-ada")).isEqualTo("Bearer dr-ada-1");
		clock.advance(Duration.ofMinutes(3));
		assertThat(tokens.bearer("dr-ada")).isEqualTo("Bearer dr-ada-1");

		assertThat(signIns).containsExactly("dr-ada");
	}

	@Test
	void aTokenAboutToExpireIsReplacedBeforeItIsSent() {
		tokens.bearer("ingrid");
		clock.advance(Duration.ofMinutes(5).minus(DemoTokens.RENEW_BEFORE));

		assertThat(tokens.bearer("ingrid")).isEqualTo("Bearer ingrid-2");
		assertThat(signIns).containsExactly("ingrid", "ingrid");
	}

	@Test
	void eachUserHasATokenOfTheirOwnAndClientsAreKeptApart() {
		assertThat(tokens.bearer("dr-ada")).isEqualTo("Bearer dr-ada-1");
		assertThat(tokens.bearer("dr-ben")).isEqualTo("Bearer dr-ben-2");
		assertThat(tokens.clientBearer("prometheus")).isEqualTo("Bearer client:prometheus-3");
		assertThat(tokens.bearer("dr-ada")).isEqualTo("Bearer dr-ada-1");
	}

	@Test
	void aForgottenTokenIsNotSentAgain() {
		tokens.bearer("leo");
		tokens.forget("leo");

		assertThat(tokens.bearer("leo")).isEqualTo("Bearer leo-2");
	}

	@Test
	void aClientTokenComesFromTheTokenEndpointWithTheContractsSecret() throws IOException {
		AtomicInteger calls = new AtomicInteger();
		List<String> requests = Collections.synchronizedList(new ArrayList<>());
		identity = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		identity.createContext("/oauth2/token", exchange -> {
			calls.incrementAndGet();
			try (InputStream in = exchange.getRequestBody()) {
				requests.add(exchange.getRequestHeaders().getFirst("Authorization") + " "
						+ new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
			byte[] body = "{\"access_token\":\"eyJ.client\",\"token_type\":\"Bearer\",\"expires_in\":300}"
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		identity.start();
		DemoTokens real = new DemoTokens("http://127.0.0.1:" + identity.getAddress().getPort());

		assertThat(real.clientBearer("prometheus")).isEqualTo("Bearer eyJ.client");
		assertThat(real.clientBearer("prometheus")).isEqualTo("Bearer eyJ.client");

		assertThat(calls).hasValue(1);
		assertThat(requests)
			.containsExactly("Basic cHJvbWV0aGV1czpwcm9tZXRoZXVzLXNlY3JldA== grant_type=client_credentials");
	}

	@Test
	void anIdentityServiceThatIsAwaySaysSo() {
		DemoTokens away = new DemoTokens("http://127.0.0.1:9");

		assertThatThrownBy(() -> away.bearer("dr-ada")).isInstanceOf(DemoSignIn.SignInFailedException.class)
			.hasMessageContaining("not reachable");
	}

}
