package org.prolo.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Another OpenID Connect provider the services trust instead of the built-in identity
 * service (--identity-provider): its endpoints, read once from its discovery document,
 * become each service's prolo.security settings. The services themselves never read the
 * discovery document, so that they start without the provider.
 */
record IdentityProvider(String issuer, String jwkSetUri, String authorizationUri, String tokenUri, String userInfoUri,
		String endSessionUri) {

	static final String DISCOVERY_PATH = "/.well-known/openid-configuration";

	private static final ObjectMapper json = new ObjectMapper();

	/**
	 * Reads the provider's discovery document.
	 * @throws IllegalStateException with a message fit for the user when it cannot be
	 * read or names another issuer
	 */
	static IdentityProvider discover(HttpClient http, String issuer) {
		URI discovery = URI.create(withoutTrailingSlash(issuer) + DISCOVERY_PATH);
		HttpResponse<String> response;
		try {
			response = http.send(HttpRequest.newBuilder(discovery)
				.timeout(Duration.ofSeconds(30))
				.header("Accept", "application/json")
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot read " + discovery + ": " + e.getMessage(), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading " + discovery, e);
		}
		if (response.statusCode() != 200) {
			throw new IllegalStateException(discovery + " answered " + response.statusCode());
		}
		try {
			return of(issuer, json.readTree(response.body()));
		}
		catch (IOException e) {
			throw new IllegalStateException(discovery + " is not JSON: " + e.getMessage(), e);
		}
	}

	/** The provider as its discovery document describes it. */
	static IdentityProvider of(String issuer, JsonNode discovery) {
		String named = text(discovery, "issuer");
		// OpenID Connect Discovery 4.3: the document's issuer is exactly the one asked
		// for, or tokens would name an issuer the services do not expect.
		if (!named.equals(issuer)) {
			throw new IllegalStateException(
					"The provider names its issuer '" + named + "', not '" + issuer + "' as given");
		}
		return new IdentityProvider(named, text(discovery, "jwks_uri"), text(discovery, "authorization_endpoint"),
				text(discovery, "token_endpoint"), text(discovery, "userinfo_endpoint"),
				discovery.path("end_session_endpoint").asText(null));
	}

	/** The command-line settings that point a service at this provider. */
	List<String> serviceSettings() {
		List<String> settings = new ArrayList<>(List.of("--prolo.security.issuer=" + issuer,
				"--prolo.security.jwk-set-uri=" + jwkSetUri, "--prolo.security.authorization-uri=" + authorizationUri,
				"--prolo.security.token-uri=" + tokenUri, "--prolo.security.user-info-uri=" + userInfoUri,
				// The pages' Content-Security-Policy lets forms go to the provider's
				// origin (sign-out posts there).
				"--prolo.security.browser-uri=" + origin(authorizationUri)));
		if (endSessionUri != null) {
			settings.add("--prolo.security.end-session-uri=" + endSessionUri);
		}
		return List.copyOf(settings);
	}

	private static String origin(String uri) {
		URI parsed = URI.create(uri);
		return parsed.getScheme() + "://" + parsed.getRawAuthority();
	}

	private static String text(JsonNode discovery, String field) {
		String value = discovery.path(field).asText(null);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException("The provider's discovery document has no " + field);
		}
		return value;
	}

	private static String withoutTrailingSlash(String issuer) {
		return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
	}

}
