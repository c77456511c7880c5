package org.prolo.identity.clients;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.prolo.identity.IdentityProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The clients of the security contract. Secrets are {@code <client-id>-secret}, hashed at
 * start; no client asks the user's consent, since every client is the product itself.
 */
@Configuration(proxyBeanMethods = false)
class DemoClients {

	static final String WEB = "prolo-web";

	static final String CLI = "prolo-cli";

	static final String CLI_REDIRECT_URI = "http://127.0.0.1:8765/callback";

	/** Spring Security's OAuth 2 login callback for the registration id {@code prolo}. */
	static final String WEB_REDIRECT_PATH = "/login/oauth2/code/prolo";

	/**
	 * 30 minutes rather than the authorization server's 5: a person working through the
	 * demo's task list, the launcher's seeding and a benchmark run then sign in once, and
	 * the services' client-credentials tokens are fetched a few times an hour, not every
	 * few minutes. Nothing here can be revoked early anyway: the services verify tokens
	 * by signature alone.
	 */
	static final Duration ACCESS_TOKEN_TIME_TO_LIVE = Duration.ofMinutes(30);

	@Bean
	RegisteredClientRepository registeredClientRepository(IdentityProperties properties, PasswordEncoder encoder) {
		return new InMemoryRegisteredClientRepository(web(properties, encoder), cli(),
				service("intake", "timeline.read", encoder), service("workflow", "timeline.read", encoder),
				service("radiology", "imaging.report", encoder), service("prometheus", "metrics.read", encoder));
	}

	static List<String> webRedirectUris(IdentityProperties properties) {
		List<String> uris = new ArrayList<>();
		for (String host : properties.redirectHosts()) {
			for (int port : properties.redirectPorts()) {
				uris.add("http://" + host + ":" + port + WEB_REDIRECT_PATH);
			}
		}
		return uris;
	}

	/** Where a service's "Sign out" may return to: its own start page. */
	static List<String> postLogoutRedirectUris(IdentityProperties properties) {
		List<String> uris = new ArrayList<>();
		for (String host : properties.redirectHosts()) {
			for (int port : properties.redirectPorts()) {
				uris.add("http://" + host + ":" + port + "/");
			}
		}
		return uris;
	}

	private static RegisteredClient web(IdentityProperties properties, PasswordEncoder encoder) {
		return confidential(WEB, encoder).authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.redirectUris((uris) -> uris.addAll(webRedirectUris(properties)))
			.postLogoutRedirectUris((uris) -> uris.addAll(postLogoutRedirectUris(properties)))
			.scope(OidcScopes.OPENID)
			.scope(OidcScopes.PROFILE)
			.scope(OidcScopes.EMAIL)
			.build();
	}

	/**
	 * Public: the launcher, tests and benchmarks cannot keep a secret, so PKCE binds the
	 * code to the one who asked for it. A public client gets no refresh token from the
	 * authorization server; it signs in again.
	 */
	private static RegisteredClient cli() {
		return RegisteredClient.withId(CLI)
			.clientId(CLI)
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(CLI_REDIRECT_URI)
			.scope(OidcScopes.OPENID)
			.scope(OidcScopes.PROFILE)
			.scope(OidcScopes.EMAIL)
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
			.tokenSettings(tokenSettings())
			.build();
	}

	private static RegisteredClient service(String clientId, String scope, PasswordEncoder encoder) {
		return confidential(clientId, encoder).authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scope(scope)
			.build();
	}

	private static RegisteredClient.Builder confidential(String clientId, PasswordEncoder encoder) {
		return RegisteredClient.withId(clientId)
			.clientId(clientId)
			.clientSecret(encoder.encode(clientId + "-secret"))
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
			.tokenSettings(tokenSettings());
	}

	private static TokenSettings tokenSettings() {
		return TokenSettings.builder().accessTokenTimeToLive(ACCESS_TOKEN_TIME_TO_LIVE).build();
	}

}
