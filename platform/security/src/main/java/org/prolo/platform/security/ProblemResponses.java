package org.prolo.platform.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * 401 and 403 as RFC 9457 problem+json. The WWW-Authenticate header is still the one of
 * RFC 6750, so OAuth2 clients learn why a token was refused; a browser without a session
 * is sent to sign in instead.
 */
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	static final String SIGN_IN = "/oauth2/authorization/" + ProloSecurityAutoConfiguration.LOGIN_REGISTRATION;

	private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

	private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

	private final RequestMatcher browser;

	private static final ObjectMapper JSON = new ObjectMapper();

	ProblemResponses(RequestMatcher browser) {
		this.browser = browser;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		if (this.browser.matches(request)) {
			response.sendRedirect(request.getContextPath() + SIGN_IN);
			return;
		}
		this.bearer.commence(request, response, failure);
		write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized",
				"Sign in first: send an access token from the identity service as 'Authorization: Bearer <token>'.");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		// The CSRF check runs before the sign-in check: a POST from nobody at all is
		// unauthenticated (401 with the Bearer challenge, or sign-in), not a forgery.
		if (denied instanceof CsrfException && CurrentCaller.get().isEmpty()) {
			commence(request, response, new InsufficientAuthenticationException(denied.getMessage(), denied));
			return;
		}
		if (this.browser.matches(request)) {
			// A person in a browser needs a page that says what to do, not JSON: a stale
			// form (a restart, a second tab that signed out) or a page for other groups.
			boolean staleForm = denied instanceof CsrfException;
			response.setStatus(HttpStatus.FORBIDDEN.value());
			response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
			response.getWriter()
				.write(PAGE.formatted(staleForm ? "This form has expired" : "Not for your role",
						staleForm ? "This form has expired" : "You are signed in, but this page is not for your role",
						staleForm ? "For your safety the page was not sent. Go back, reload the page and send it again."
								: "Referring physicians use the physician portal; clinic staff use Tasklist. "
										+ "Sign out and in again if your groups changed."));
			return;
		}
		this.bearerDenied.handle(request, response, denied);
		write(request, response, HttpStatus.FORBIDDEN, "forbidden",
				"Your groups or scopes do not allow this request, or the form's CSRF token is missing.");
	}

	private static final String PAGE = """
			<!doctype html><html lang="en"><head><meta charset="utf-8"><title>%s</title></head>
			<body><main><h1>%s</h1><p>%s</p><p><a href="/">Start page</a></p></main></body></html>
			""";

	private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
			String detail) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "https://prolo.example/problems/" + type);
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		response.setHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JSON.writeValue(response.getOutputStream(), problem);
	}

	/**
	 * What the firewall refuses (an encoded slash, NUL or dot segment, ...) is bad input
	 * too, answered as problem+json rather than the firewall's bare 400.
	 */
	static final class Rejected implements RequestRejectedHandler {

		@Override
		public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
				throws IOException {
			write(request, response, HttpStatus.BAD_REQUEST, "rejected-request",
					"The request URL or a header holds characters or segments this service does not accept.");
		}

	}

}
