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
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
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

	private final ObjectMapper json = new ObjectMapper();

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
		this.bearerDenied.handle(request, response, denied);
		write(request, response, HttpStatus.FORBIDDEN, "forbidden",
				"Your groups or scopes do not allow this request, or the form's CSRF token is missing.");
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
			String detail) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "https://prolo.example/problems/" + type);
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		response.setHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
