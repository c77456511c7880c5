package org.prolo.identity.clients;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.prolo.identity.IdentityProperties;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The clients of the security contract: what each may do is fixed here, since the
 * services name these clients and scopes; whether each exists and its secret come from
 * configuration (or, in profile demo, from {@link DemoClients}). No client asks the
 * user's consent, since every client is the product itself.
 */
final class ProductClients {

	static final String WEB = "prolo-web";

	static final String CLI = "prolo-cli";

	static final String CLI_REDIRECT_URI = "http://127.0.0.1:8765/callback";

	/** Spring Security's OAuth 2 login callback for the registration id {@code prolo}. */
	static final String WEB_REDIRECT_PATH = "/login/oauth2/code/prolo";

	/**
	 * 30 minutes rather than the authorization server's 5: a person working through the
	 * demo's task list, the launcher's seeding and a benchmark run then sign in once, and
	 * the services' client-credentials tokens are fetched a few times an hour, not every
	 * few minutes. The services verify access tokens by signature alone, so one cannot be
	 * revoked early; a refresh token can (signing out removes it).
	 */
	static final Duration ACCESS_TOKEN_TIME_TO_LIVE = Duration.ofMinutes(30);

	/** The machine clients and the one scope each may ask for. */
	private static final Map<String, String> SERVICES = Map.of("intake", "timeline.read", "workflow", "timeline.read",
			"radiology", "imaging.report", "prometheus", "metrics.read");

	private final IdentityProperties properties;

	ProductClients(IdentityProperties properties) {
		this.properties = properties;
	}

	/** Every client id of the contract, the public one included. */
	static List<String> ids() {
		List<String> ids = new ArrayList<>(List.of(WEB, CLI));
		ids.addAll(SERVICES.keySet().stream().sorted().toList());
		return ids;
	}

	/** The secrets of profile demo, which the service refuses everywhere else. */
	static List<String> demoSecrets() {
		return ids().stream().filter((id) -> !isPublic(id)).map(ProductClients::demoSecret).toList();
	}

	static String demoSecret(String clientId) {
		return clientId + "-secret";
	}

	static boolean isPublic(String clientId) {
		return CLI.equals(clientId);
	}

	/**
	 * The client with the given id, its secret hashed as the encoder stores it; empty for
	 * an id that is not one of the contract's.
	 */
	Optional<RegisteredClient> client(String clientId, String encodedSecret) {
		if (WEB.equals(clientId)) {
			return Optional.of(web(encodedSecret));
		}
		if (CLI.equals(clientId)) {
			return Optional.of(cli());
		}
		return Optional.ofNullable(SERVICES.get(clientId)).map((scope) -> service(clientId, scope, encodedSecret));
	}

	/** Every client of the contract, each secret from the given function. */
	List<RegisteredClient> all(Function<String, String> encodedSecret) {
		return ids().stream()
			.map((id) -> client(id, isPublic(id) ? null : encodedSecret.apply(id)).orElseThrow())
			.toList();
	}

	List<String> webRedirectUris() {
		List<String> uris = new ArrayList<>();
		for (String host : this.properties.redirectHosts()) {
			for (int port : this.properties.redirectPorts()) {
				uris.add("http://" + host + ":" + port + WEB_REDIRECT_PATH);
			}
		}
		return uris;
	}

	/** Where a service's "Sign out" may return to: its own start page. */
	List<String> postLogoutRedirectUris() {
		List<String> uris = new ArrayList<>();
		for (String host : this.properties.redirectHosts()) {
			for (int port : this.properties.redirectPorts()) {
				uris.add("http://" + host + ":" + port + "/");
			}
		}
		return uris;
	}

	private RegisteredClient web(String encodedSecret) {
		return confidential(WEB, encodedSecret).authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.redirectUris((uris) -> uris.addAll(webRedirectUris()))
			.postLogoutRedirectUris((uris) -> uris.addAll(postLogoutRedirectUris()))
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

	private static RegisteredClient service(String clientId, String scope, String encodedSecret) {
		return confidential(clientId, encodedSecret).authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scope(scope)
			.build();
	}

	private static RegisteredClient.Builder confidential(String clientId, String encodedSecret) {
		return RegisteredClient.withId(clientId)
			.clientId(clientId)
			.clientSecret(encodedSecret)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
			.tokenSettings(tokenSettings());
	}

	private static TokenSettings tokenSettings() {
		return TokenSettings.builder().accessTokenTimeToLive(ACCESS_TOKEN_TIME_TO_LIVE).build();
	}

}
