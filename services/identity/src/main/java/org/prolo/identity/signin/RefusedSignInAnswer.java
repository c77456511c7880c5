package org.prolo.identity.signin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.prolo.identity.signin.ThrottledSignIn.SignInThrottledException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * The login form's answer to a failed sign-in. A wrong password goes back to the form, as
 * usual; a sign-in refused by the throttles gets 429 with Retry-After, as a page for a
 * browser and problem+json for anything else, so that a person who now types the right
 * password learns why it did not work instead of reading "Invalid credentials" again.
 */
class RefusedSignInAnswer implements AuthenticationFailureHandler {

	private final AuthenticationFailureHandler wrongPassword = new SimpleUrlAuthenticationFailureHandler(
			"/login?error");

	private final Duration lockout;

	RefusedSignInAnswer(Duration lockout) {
		this.lockout = lockout;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		if (!(exception instanceof SignInThrottledException)) {
			this.wrongPassword.onAuthenticationFailure(request, response, exception);
			return;
		}
		long minutes = Math.max(1, this.lockout.toMinutes());
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(this.lockout.toSeconds()));
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		String detail = "Signing in with this user name or from this address is paused for up to " + minutes
				+ " minutes after repeated failures.";
		if (wantsHtml(request)) {
			response.setContentType(MediaType.TEXT_HTML_VALUE);
			response.getWriter().write("""
					<!doctype html>
					<html lang="en"><head><meta charset="utf-8"><title>Too many failed sign-ins</title></head>
					<body><main>
					<h1>%s</h1>
					<p>%s</p>
					<p><a href="/login">Back to sign-in</a></p>
					</main></body></html>
					""".formatted(ThrottledSignIn.REFUSED, detail));
		}
		else {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\""
						+ ThrottledSignIn.REFUSED + " " + detail + "\"}");
		}
	}

	private static boolean wantsHtml(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept == null) {
			return false;
		}
		try {
			return MediaType.parseMediaTypes(accept)
				.stream()
				.anyMatch((type) -> !type.isWildcardType() && type.isCompatibleWith(MediaType.TEXT_HTML));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
