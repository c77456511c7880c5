package org.prolo.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityProviderTests {

	static final String ISSUER = "http://localhost:8180/realms/prolo";

	static final String OIDC = ISSUER + "/protocol/openid-connect";

	@Test
	void pointsEveryServiceAtTheEndpointsOfTheDiscoveryDocument() throws Exception {
		IdentityProvider provider = IdentityProvider.of(ISSUER, discovery(ISSUER));

		assertThat(provider.serviceSettings()).containsExactlyInAnyOrder("--prolo.security.issuer=" + ISSUER,
				"--prolo.security.jwk-set-uri=" + OIDC + "/certs",
				"--prolo.security.authorization-uri=" + OIDC + "/auth", "--prolo.security.token-uri=" + OIDC + "/token",
				"--prolo.security.user-info-uri=" + OIDC + "/userinfo",
				"--prolo.security.end-session-uri=" + OIDC + "/logout",
				"--prolo.security.browser-uri=http://localhost:8180");
	}

	@Test
	void refusesADocumentThatNamesAnotherIssuer() throws Exception {
		assertThatThrownBy(() -> IdentityProvider.of(ISSUER, discovery("http://127.0.0.1:8180/realms/prolo")))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("names its issuer 'http://127.0.0.1:8180/realms/prolo'");
	}

	@Test
	void refusesADocumentWithoutKeys() throws Exception {
		JsonNode document = discovery(ISSUER);
		((ObjectNode) document).remove("jwks_uri");

		assertThatThrownBy(() -> IdentityProvider.of(ISSUER, document)).hasMessageContaining("no jwks_uri");
	}

	@Test
	void theBuiltInIdentityServiceStaysAwayWhenAnotherProviderSignsIn() {
		assertThat(Launcher.services(LauncherOptions.parse())).isEqualTo(ServiceSpec.ALL);
		assertThat(Launcher.services(LauncherOptions.parse("--identity-provider", ISSUER)))
			.extracting(ServiceSpec::name)
			.doesNotContain(ServiceSpec.IDENTITY)
			.hasSize(ServiceSpec.ALL.size() - 1);
	}

	private static JsonNode discovery(String issuer) throws Exception {
		return new ObjectMapper().readTree("""
				{"issuer":"%s","authorization_endpoint":"%s/auth","token_endpoint":"%s/token",
				 "userinfo_endpoint":"%s/userinfo","end_session_endpoint":"%s/logout","jwks_uri":"%s/certs"}
				""".formatted(issuer, OIDC, OIDC, OIDC, OIDC, OIDC));
	}

}
