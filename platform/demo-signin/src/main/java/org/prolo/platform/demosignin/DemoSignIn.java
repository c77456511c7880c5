package org.prolo.platform.demosignin;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Signs a demo user in (password = user id unless given) as the public client prolo-cli
 * and returns the access token. Each call is a fresh browser-like session with its own
 * cookies.
 */
public final class DemoSignIn {

	public static final String CLIENT_ID = "prolo-cli";

	public static final String REDIRECT_URI = "http://127.0.0.1:8765/callback";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final ObjectMapper JSON = new ObjectMapper();

	private final URI identity;

	public DemoSignIn(String identityBaseUrl) {
		this.identity = URI.create(identityBaseUrl.endsWith("/") ? identityBaseUrl : identityBaseUrl + "/");
	}

	/** An access token, with its expiry. */
	public record Token(String value, Instant expiresAt) {

		public String bearer() {
			return "Bearer " + this.value;
		}

		@Override
		public String toString() {
			return "Token[expiresAt=" + this.expiresAt + "]";
		}

	}

	public Token signIn(String user) {
		return signIn(user, user);
	}

	public Token signIn(String user, String password) {
		HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		String verifier = random();
		String state = random();
		URI authorize = this.identity.resolve("oauth2/authorize?" + form(Map.of("response_type", "code", "client_id",
				CLIENT_ID, "redirect_uri", REDIRECT_URI, "scope", "openid profile email", "state", state,
				"code_challenge", challenge(verifier), "code_challenge_method", "S256")));
		try {
			URI login = redirect(send(http, get(authorize)), authorize);
			HttpResponse<String> page = send(http, get(login));
			Matcher csrf = CSRF.matcher(page.body());
			if (!csrf.find()) {
				throw new SignInFailedException("The identity service's login page has no CSRF field");
			}
			HttpResponse<String> posted = send(http,
					post(login, form(Map.of("username", user, "password", password, "_csrf", csrf.group(1)))));
			URI next = redirect(posted, login);
			if (next.getQuery() != null && next.getQuery().contains("error")) {
				throw new SignInFailedException("The identity service refused the credentials of " + user);
			}
			URI callback = redirect(send(http, get(next)), next);
			Map<String, String> query = query(callback);
			if (!state.equals(query.get("state")) || query.get("code") == null) {
				throw new SignInFailedException("No authorization code came back for " + user + ": " + callback);
			}
			return token(http,
					post(this.identity.resolve("oauth2/token"),
							form(Map.of("grant_type", "authorization_code", "code", query.get("code"), "redirect_uri",
									REDIRECT_URI, "client_id", CLIENT_ID, "code_verifier", verifier))),
					"The token endpoint answered ");
		}
		catch (IOException ex) {
			throw new SignInFailedException("The identity service at " + this.identity + " is not reachable: " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SignInFailedException("Interrupted while signing in");
		}
	}

	/** A client-credentials token for a confidential service client. */
	public Token clientToken(String clientId, String secret) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		try {
			return token(http,
					HttpRequest.newBuilder(this.identity.resolve("oauth2/token"))
						.header("Authorization", "Basic " + basic)
						.header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
						.build(),
					"The token endpoint refused client " + clientId + ": ");
		}
		catch (IOException ex) {
			throw new SignInFailedException("The identity service at " + this.identity + " is not reachable: " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SignInFailedException("Interrupted while asking for a token");
		}
	}

	/**
	 * Asks the token endpoint; {@code refusal} begins the message when it answers
	 * anything but a token.
	 */
	private static Token token(HttpClient http, HttpRequest request, String refusal)
			throws IOException, InterruptedException {
		HttpResponse<String> token = send(http, request);
		if (token.statusCode() != 200) {
			throw new SignInFailedException(refusal + token.statusCode());
		}
		JsonNode body = JSON.readTree(token.body());
		return new Token(body.path("access_token").asText(),
				Instant.now().plusSeconds(body.path("expires_in").asLong(300)));
	}

	private static HttpResponse<String> send(HttpClient http, HttpRequest request)
			throws IOException, InterruptedException {
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest get(URI uri) {
		return HttpRequest.newBuilder(uri).header("Accept", "text/html").GET().build();
	}

	private static HttpRequest post(URI uri, String form) {
		return HttpRequest.newBuilder(uri)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
	}

	private static URI redirect(HttpResponse<String> response, URI from) {
		String location = response.headers().firstValue("Location").orElse(null);
		if (response.statusCode() / 100 != 3 || location == null) {
			throw new SignInFailedException(
					"Expected a redirect from " + from.getPath() + ", got " + response.statusCode());
		}
		return from.resolve(location);
	}

	private static Map<String, String> query(URI uri) {
		Map<String, String> values = new LinkedHashMap<>();
		if (uri.getRawQuery() != null) {
			for (String pair : uri.getRawQuery().split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					values.put(pair.substring(0, eq),
							java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
				}
			}
		}
		return values;
	}

	private static String form(Map<String, String> values) {
		return values.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static String random() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String challenge(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Sign-in did not give a token; the message says at which step. */
	public static final class SignInFailedException extends RuntimeException {

		SignInFailedException(String message) {
			super(message);
		}

	}

}
