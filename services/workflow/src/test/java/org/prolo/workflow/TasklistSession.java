package org.prolo.workflow;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A browser session of Tasklist: the webapps' session cookie and their CSRF token
 * (XSRF-TOKEN cookie, echoed in the X-XSRF-TOKEN header of every modifying request).
 */
class TasklistSession {

	private final String rootUri;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http;

	TasklistSession(String rootUri) {
		this.rootUri = rootUri;
		this.http = HttpClient.newBuilder().cookieHandler(this.cookies).build();
	}

	void logIn(String user, String password) throws IOException, InterruptedException {
		HttpResponse<String> login = post("/camunda/api/admin/auth/user/default/login/tasklist",
				"application/x-www-form-urlencoded", "username=" + user + "&password=" + password);
		if (login.statusCode() != 200) {
			throw new IllegalStateException("Login failed: " + login.statusCode() + " " + login.body());
		}
	}

	HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
		// a GET hands out the token of the current session (a login starts a new one)
		http.send(HttpRequest.newBuilder(URI.create(rootUri + "/camunda/app/tasklist/default/")).build(),
				HttpResponse.BodyHandlers.discarding());
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
			.header("Origin", rootUri)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
