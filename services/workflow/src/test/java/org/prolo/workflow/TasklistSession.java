package org.prolo.workflow;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A session of Tasklist's own API for a signed-in person: their access token on every
 * request (which the webapps accept like a sign-in), the webapps' session cookie and
 * their CSRF token (XSRF-TOKEN cookie, echoed in the X-XSRF-TOKEN header of every
 * modifying request).
 */
class TasklistSession {

	private final String rootUri;

	private final String bearer;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http;

	TasklistSession(String rootUri, String bearer) {
		this.rootUri = rootUri;
		this.bearer = bearer;
		this.http = HttpClient.newBuilder().cookieHandler(this.cookies).build();
	}

	HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
		// a GET hands out the CSRF token of the session
		http.send(HttpRequest.newBuilder(URI.create(rootUri + "/camunda/app/tasklist/default/"))
			.header("Authorization", bearer)
			.build(), HttpResponse.BodyHandlers.discarding());
		String token = cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No XSRF-TOKEN cookie"));
		return http.send(HttpRequest.newBuilder(URI.create(rootUri + path))
			.header("Content-Type", contentType)
			.header("Accept", "application/json")
			.header("X-XSRF-TOKEN", token)
			.header("Authorization", bearer)
			.header("Origin", rootUri)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
