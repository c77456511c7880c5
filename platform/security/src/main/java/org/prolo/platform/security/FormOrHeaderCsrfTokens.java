package org.prolo.platform.security;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.util.StringUtils;

/**
 * Server-rendered forms carry the masked token (BREACH protection); scripts send the raw
 * cookie value in the X-XSRF-TOKEN header. Both are accepted.
 */
final class FormOrHeaderCsrfTokens implements CsrfTokenRequestHandler {

	private final CsrfTokenRequestHandler plain = new CsrfTokenRequestAttributeHandler();

	private final CsrfTokenRequestHandler masked = new XorCsrfTokenRequestAttributeHandler();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
		this.masked.handle(request, response, token);
	}

	@Override
	public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
		if (StringUtils.hasText(request.getHeader(token.getHeaderName()))) {
			return this.plain.resolveCsrfTokenValue(request, token);
		}
		return this.masked.resolveCsrfTokenValue(request, token);
	}

}
