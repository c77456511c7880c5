package org.prolo.workflow.access;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Where the webapps' "Log out" leads: a form that signs out of this service and of the
 * identity service (POST /logout with the session's CSRF token, then OpenID Connect
 * RP-initiated logout). Camunda's own logout would end only Camunda's part of the session
 * and leave its login form, which is closed here.
 */
@RestController
class SignOutPage {

	static final String PATH = "/signout";

	@GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
	String page(HttpServletRequest request) {
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		return """
				<!DOCTYPE html>
				<html lang="en">
				<head><meta charset="utf-8"><title>Sign out</title><link rel="icon" href="data:,"></head>
				<body style="font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 2rem auto;">
				<h1>Sign out</h1>
				<p>Sign out of the workflow service and of the clinic's sign-in.</p>
				<form method="post" action="logout">
				<input type="hidden" name="%s" value="%s">
				<button type="submit">Sign out</button>
				</form>
				<p><a href="camunda/app/">Back to the workflow</a></p>
				</body>
				</html>
				""".formatted(HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()));
	}

}
