package org.prolo.platform.security;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.prolo.platform.security.app.SecuredApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** A hung identity service must not hang the service that asks it for a token. */
@SpringBootTest(classes = SecuredApplication.class,
		properties = { "prolo.security.client.id=intake", "prolo.security.client.secret=Qx7-intake-test" })
class ServiceTokensTests {

	private static final ServerSocket HUNG = hungServer();

	private static final List<Socket> ACCEPTED = new ArrayList<>();

	@DynamicPropertySource
	static void identity(DynamicPropertyRegistry registry) {
		registry.add("prolo.security.internal-uri", () -> "http://127.0.0.1:" + HUNG.getLocalPort());
	}

	@Autowired
	ServiceTokens tokens;

	@Test
	void givesUpOnAnIdentityServiceThatNeverAnswers() {
		// The bound is a guard against the old behaviour (waiting for ever), not a speed
		// measurement: the client's read timeout is 5 s.
		assertTimeoutPreemptively(Duration.ofSeconds(60),
				() -> assertThatThrownBy(this.tokens::accessToken).isInstanceOf(RuntimeException.class));
	}

	@AfterAll
	static void close() throws IOException {
		HUNG.close();
		for (Socket socket : ACCEPTED) {
			socket.close();
		}
	}

	private static ServerSocket hungServer() {
		try {
			ServerSocket server = new ServerSocket(0);
			Thread accepting = new Thread(() -> {
				while (!server.isClosed()) {
					try {
						ACCEPTED.add(server.accept());
					}
					catch (IOException closed) {
						return;
					}
				}
			}, "hung-identity");
			accepting.setDaemon(true);
			accepting.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
