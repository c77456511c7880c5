package org.prolo.launcher;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A person at a browser signing in through Keycloak, over plain HTTP: keeps cookies,
 * follows redirects one by one and, on Keycloak's sign-in form, types the user's demo
 * password (the user id). It opens the services' pages (their OpenID Connect sign-in
 * sends it to Keycloak and back), and gets tokens for a public client the way a
 * command-line tool would: authorization code with PKCE, the code caught at the client's
 * redirect URI.
 */
final class OidcBrowser {

	private static final Pattern LOGIN_FORM = Pattern.compile(
			"<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"|<form[^>]*action=\"([^\"]+)\"[^>]*id=\"kc-form-login\"");

	private static final int MAX_HOPS = 20;

	private static final ObjectMapper json = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new LocalhostIsSecure(new CookieManager()))
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String user;

	private final URI provider;

	private boolean typedPassword;

	/**
	 * @param user the demo user (password = user id)
	 * @param issuer Keycloak's realm, whose sign-in form this browser fills in
	 */
	OidcBrowser(String user, String issuer) {
		this.user = user;
		this.provider = URI.create(issuer);
	}

	/** Tokens of one sign-in: the access token and the ID token. */
	record Tokens(String accessToken, String idToken) {

		JsonNode accessClaims() throws IOException {
			return claims(accessToken);
		}

		JsonNode idClaims() throws IOException {
			return claims(idToken);
		}

		static JsonNode claims(String jwt) throws IOException {
			return json.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
		}

	}

	/**
	 * The page at the end of the redirects, after signing in at Keycloak when sent there.
	 */
	HttpResponse<String> open(String url) throws IOException, InterruptedException {
		return follow(get(URI.create(url)), null);
	}

	/** Whether this browser filled in Keycloak's sign-in form on the way. */
	boolean typedPasswordAtProvider() {
		return typedPassword;
	}

	/**
	 * Signs in for a public client with authorization code and PKCE (S256) and redeems
	 * the code at the token endpoint.
	 */
	Tokens tokensFor(String clientId, String redirectUri, IdentityProvider endpoints)
			throws IOException, InterruptedException {
		String verifier = random();
		String state = random();
		String nonce = random();
		String authorization = endpoints.authorizationUri() + "?"
				+ form(Map.of("response_type", "code", "client_id", clientId, "redirect_uri", redirectUri, "scope",
						"openid", "state", state, "nonce", nonce, "code_challenge", challenge(verifier),
						"code_challenge_method", "S256"));
		HttpResponse<String> back = follow(get(URI.create(authorization)), redirectUri);
		String location = back.headers()
			.firstValue("Location")
			.orElseThrow(() -> new IllegalStateException("Keycloak did not send the browser back to " + redirectUri
					+ ": " + back.statusCode() + " " + back.uri()));
		Map<String, String> answer = query(URI.create(location));
		if (!state.equals(answer.get("state")) || answer.get("code") == null) {
			throw new IllegalStateException("Unexpected answer at the redirect URI: " + location);
		}
		HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(endpoints.tokenUri()))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString(form(Map.of("grant_type", "authorization_code", "code", answer.get("code"), "redirect_uri",
						redirectUri, "client_id", clientId, "code_verifier", verifier))))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (token.statusCode() != 200) {
			throw new IllegalStateException("The token endpoint answered " + token.statusCode() + ": " + token.body());
		}
		JsonNode body = json.readTree(token.body());
		Tokens tokens = new Tokens(body.get("access_token").asText(), body.get("id_token").asText());
		if (!nonce.equals(tokens.idClaims().path("nonce").asText())) {
			throw new IllegalStateException("The ID token does not carry the nonce sent");
		}
		return tokens;
	}

	/**
	 * Follows redirects from the response; stops at a redirect to {@code stopAt} (the
	 * client's redirect URI, where nobody listens) and returns it.
	 */
	private HttpResponse<String> follow(HttpResponse<String> response, String stopAt)
			throws IOException, InterruptedException {
		for (int hop = 0; hop < MAX_HOPS; hop++) {
			int status = response.statusCode();
			if (status >= 300 && status < 400) {
				URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
				if (stopAt != null && next.toString().startsWith(stopAt)) {
					return response;
				}
				response = get(next);
				continue;
			}
			Matcher form = LOGIN_FORM.matcher(response.body());
			if (status == 200 && atProvider(response.uri()) && form.find()) {
				if (typedPassword) {
					throw new IllegalStateException("Keycloak asked for the password again: " + response.body());
				}
				String action = (form.group(1) != null ? form.group(1) : form.group(2)).replace("&amp;", "&");
				typedPassword = true;
				response = http.send(HttpRequest.newBuilder(response.uri().resolve(action))
					.timeout(Duration.ofSeconds(60))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.header("Accept", "text/html")
					.POST(HttpRequest.BodyPublishers
						.ofString(form(Map.of("username", user, "password", user, "credentialId", ""))))
					.build(), HttpResponse.BodyHandlers.ofString());
				continue;
			}
			return response;
		}
		throw new IllegalStateException("More than " + MAX_HOPS + " redirects, last at " + response.uri());
	}

	private boolean atProvider(URI uri) {
		return uri.getPort() == provider.getPort() && uri.getHost().equals(provider.getHost());
	}

	private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(60))
			.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Keycloak marks its sign-in cookies Secure (they are SameSite=None) even over plain
	 * HTTP. Browsers send them to http://localhost all the same, since they count
	 * localhost as a secure origin; Java's CookieManager sends Secure cookies over https
	 * only, so it is asked as if localhost spoke https.
	 */
	private static final class LocalhostIsSecure extends CookieHandler {

		private final CookieHandler cookies;

		LocalhostIsSecure(CookieHandler cookies) {
			this.cookies = cookies;
		}

		@Override
		public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
			return cookies.get(asBrowsersSeeIt(uri), headers);
		}

		@Override
		public void put(URI uri, Map<String, List<String>> headers) throws IOException {
			cookies.put(asBrowsersSeeIt(uri), headers);
		}

		private static URI asBrowsersSeeIt(URI uri) {
			boolean local = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
			if (local && "http".equals(uri.getScheme())) {
				return URI.create("https" + uri.toString().substring("http".length()));
			}
			return uri;
		}

	}

	private static Map<String, String> query(URI uri) {
		Map<String, String> values = new LinkedHashMap<>();
		String raw = uri.getRawQuery();
		if (raw == null) {
			return values;
		}
		for (String pair : raw.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		return values;
	}

	private static String form(Map<String, String> values) {
		StringBuilder out = new StringBuilder();
		values.forEach((name, value) -> {
			if (!out.isEmpty()) {
				out.append('&');
			}
			out.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
		});
		return out.toString();
	}

	private static String random() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String challenge(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
