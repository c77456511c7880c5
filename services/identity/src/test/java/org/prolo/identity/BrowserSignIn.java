package org.prolo.identity;

import java.io.IOException;
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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the identity service as a browser would, over real HTTP with its own cookies:
 * the authorization request, the login form with its CSRF field, the redirect back to the
 * client. Test-local; the product's own programmatic sign-in lives in platform/security.
 */
final class BrowserSignIn {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final SecureRandom RANDOM = new SecureRandom();

	static final ObjectMapper JSON = new ObjectMapper();

	private final URI base;

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	BrowserSignIn(URI base) {
		this.base = base;
	}

	/**
	 * Asks for a code with the given authorization request, signs in on the login form
	 * and returns where the browser is sent next: the client's redirect URI with a code
	 * (or an error), or the login form again when the password was wrong.
	 */
	URI authorize(Map<String, String> request, String user, String password) {
		HttpResponse<String> posted = postLogin(request, user, password);
		assertThat(posted.statusCode()).as("login answer").isEqualTo(302);
		URI next = location(posted, posted.uri());
		if (next.getPath().equals("/login")) {
			return next;
		}
		HttpResponse<String> resumed = send(html(next).GET().build());
		assertThat(resumed.statusCode()).as("resumed authorization request").isEqualTo(302);
		return location(resumed, next);
	}

	/**
	 * Asks for a code with the given authorization request and returns the login form's
	 * answer to the user name and password.
	 */
	HttpResponse<String> postLogin(Map<String, String> request, String user, String password) {
		return postLogin(request, user, password, "text/html");
	}

	/** The same, with the given Accept on the login form's answer. */
	HttpResponse<String> postLogin(Map<String, String> request, String user, String password, String accept) {
		URI authorize = this.base.resolve("/oauth2/authorize?" + form(request));
		HttpResponse<String> first = send(html(authorize).GET().build());
		assertThat(first.statusCode()).as("authorization request unauthenticated").isEqualTo(302);
		URI login = location(first, authorize);
		assertThat(login.getPath()).isEqualTo("/login");
		HttpResponse<String> page = send(html(login).GET().build());
		Matcher csrf = CSRF.matcher(page.body());
		assertThat(csrf.find()).as("the login page has a _csrf field").isTrue();
		return send(HttpRequest.newBuilder(login)
			.header("Accept", accept)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString(form(Map.of("username", user, "password", password, "_csrf", csrf.group(1)))))
			.build());
	}

	/** Follows a redirect of this browser's. */
	URI follow(HttpResponse<String> redirect) {
		URI next = location(redirect, redirect.uri());
		HttpResponse<String> resumed = send(html(next).GET().build());
		assertThat(resumed.statusCode()).as("resumed authorization request").isEqualTo(302);
		return location(resumed, next);
	}

	/** The first answer to an authorization request, before anyone signs in. */
	HttpResponse<String> startAuthorization(Map<String, String> request) {
		return send(html(this.base.resolve("/oauth2/authorize?" + form(request))).GET().build());
	}

	/**
	 * The token endpoint's answer to a form, with HTTP Basic client authentication if
	 * given.
	 */
	HttpResponse<String> token(Map<String, String> form, String clientId, String secret) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.base.resolve("/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(form)));
		if (clientId != null) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)));
		}
		return send(request.build());
	}

	HttpResponse<String> get(String path, String bearer) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.base.resolve(path)).GET();
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return send(request.build());
	}

	static JsonNode json(HttpResponse<String> response) {
		try {
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new AssertionError("Not JSON: " + response.body(), ex);
		}
	}

	static Map<String, String> query(URI uri) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (uri.getRawQuery() == null) {
			return parameters;
		}
		for (String pair : uri.getRawQuery().split("&")) {
			int eq = pair.indexOf('=');
			String name = eq < 0 ? pair : pair.substring(0, eq);
			String value = eq < 0 ? "" : pair.substring(eq + 1);
			parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
					URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		return parameters;
	}

	static String randomVerifier() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String challenge(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HttpRequest.Builder html(URI uri) {
		return HttpRequest.newBuilder(uri).header("Accept", "text/html");
	}

	private static URI location(HttpResponse<String> response, URI from) {
		String location = response.headers()
			.firstValue("Location")
			.orElseThrow(() -> new AssertionError("No Location in a " + response.statusCode() + " from " + from));
		return from.resolve(location);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new AssertionError("No answer to " + request.uri(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted", ex);
		}
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

}
