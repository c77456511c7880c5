package org.prolo.identity;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** A restart of identity must not sign out every user and every service. */
class KeyPersistenceTests {

	@TempDir
	Path dataDir;

	@Test
	void tokensIssuedBeforeARestartStillVerifyAfterIt() {
		String token;
		String kidBefore;
		try (ConfigurableApplicationContext first = start()) {
			BrowserSignIn identity = new BrowserSignIn(base(first));
			HttpResponse<String> response = identity.token(Map.of("grant_type", "client_credentials"), "intake",
					"intake-secret");
			assertThat(response.statusCode()).isEqualTo(200);
			token = BrowserSignIn.json(response).path("access_token").asText();
			kidBefore = SignedTokens.jwks(identity.get("/oauth2/jwks", null).body()).getKeys().get(0).getKeyID();
		}

		try (ConfigurableApplicationContext second = start()) {
			JWKSet keysAfter = SignedTokens.jwks(new BrowserSignIn(base(second)).get("/oauth2/jwks", null).body());

			assertThat(keysAfter.getKeys()).singleElement()
				.satisfies((key) -> assertThat(key.getKeyID()).isEqualTo(kidBefore));
			JWTClaimsSet claims = SignedTokens.verified(token, keysAfter);
			assertThat(claims.getSubject()).isEqualTo("intake");
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(IdentityApplication.class).profiles("demo")
			// Arguments, not default properties: application.yml's port 9000 would win
			// over those.
			.run("--server.port=0", "--prolo.data-dir=" + this.dataDir);
	}

	private static URI base(ConfigurableApplicationContext context) {
		return URI
			.create("http://localhost:" + ((ServletWebServerApplicationContext) context).getWebServer().getPort());
	}

}
