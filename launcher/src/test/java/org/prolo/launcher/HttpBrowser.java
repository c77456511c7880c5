package org.prolo.launcher;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a browser does with a page of the launched stack, over plain HTTP: asks for HTML,
 * keeps cookies, follows redirects and, when it lands on the identity service's sign-in
 * form, signs in as its user (password = user id) and follows the way back. Anonymous, it
 * stops at the sign-in form.
 */
final class HttpBrowser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NORMAL)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String user;

	private final URI identity;

	private HttpBrowser(String user, URI identity) {
		this.user = user;
		this.identity = identity;
	}

	static HttpBrowser anonymous() {
		return new HttpBrowser(null, URI.create(ServiceSpec.IDENTITY_URL));
	}

	static HttpBrowser signedInAs(String user) {
		return new HttpBrowser(user, URI.create(ServiceSpec.IDENTITY_URL));
	}

	/** The page at the end of the redirects, after signing in when asked to. */
	HttpResponse<String> open(String url) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(60))
			.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
		if (user == null || !isSignInForm(response)) {
			return response;
		}
		Matcher csrf = CSRF.matcher(response.body());
		if (!csrf.find()) {
			throw new IllegalStateException("The sign-in form of " + response.uri() + " has no CSRF field");
		}
		String form = "username=" + encode(user) + "&password=" + encode(user) + "&_csrf=" + encode(csrf.group(1));
		return http.send(HttpRequest.newBuilder(response.uri())
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The identity service's sign-in form, where an anonymous browser is sent. */
	boolean isSignInForm(HttpResponse<?> response) {
		URI at = response.uri();
		return response.statusCode() == 200 && identity.getPort() == at.getPort() && "/login".equals(at.getPath());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
