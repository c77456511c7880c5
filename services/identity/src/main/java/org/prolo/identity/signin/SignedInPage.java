package org.prolo.identity.signin;

import org.springframework.security.core.Authentication;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * What someone sees who signs in here directly instead of through a service: who they are
 * and where the product's pages are, rather than an empty 404.
 */
@RestController
class SignedInPage {

	@GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
	String signedIn(Authentication principal) {
		return """
				<!doctype html>
				<html lang="en"><head><meta charset="utf-8"><title>Signed in</title></head>
				<body><main>
				<h1>Signed in as %s</h1>
				<p>Referring physicians: <a href="http://localhost:8086/">the physician portal</a>.</p>
				<p>Clinic staff: <a href="http://localhost:8080/camunda/app/tasklist/">Camunda Tasklist</a>.</p>
				<form method="post" action="/logout"><button type="submit">Sign out</button></form>
				</main></body></html>
				""".formatted(HtmlUtils.htmlEscape(principal.getName()));
	}

}
