package org.prolo.intake.audit;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.prolo.platform.security.Caller;
import org.prolo.platform.security.CurrentCaller;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Audits the requests that read or change referrals, after their answer. It runs outside
 * Spring Security's filter chain, so that a request the access rules refuse (a
 * coordinator trying to withdraw) is audited too; by then the chain has cleared its
 * security context, so the caller is looked up where the chain keeps it for the request
 * (bearer token) or the session (browser sign-in). Requests without a valid token or
 * session are not audited: nobody is known, and nothing was read.
 */
class AuditFilter extends OncePerRequestFilter {

	private final AuditTrail trail;

	private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
			new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

	AuditFilter(AuditTrail trail) {
		this.trail = trail;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<AuditedRequest> audited = AuditedRequest.of(request.getMethod(), dispatchedPath(request),
				request::getParameterMap);
		if (audited.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		AuditedRequest current = audited.get();
		trail.begin(current);
		// An exception that escapes the chain becomes a 500 after this filter.
		int status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
		try {
			chain.doFilter(request, response);
			status = response.getStatus();
		}
		finally {
			trail.end();
			if (status < 400) {
				current.concerningLocation(response.getHeader(HttpHeaders.LOCATION));
			}
			Optional<String> caller = current.callerId().or(() -> callerOf(request));
			if (caller.isPresent()) {
				trail.recordAnswer(current, caller.get(), status);
			}
		}
	}

	/**
	 * The path as the servlets are dispatched on it: decoded, without matrix parameters,
	 * with slashes merged by the container. Any spelling the firewall lets through is
	 * then audited as the handler that answers it sees it.
	 */
	static String dispatchedPath(HttpServletRequest request) {
		String path = request.getServletPath() + ((request.getPathInfo() != null) ? request.getPathInfo() : "");
		while (path.length() > 1 && path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		return path;
	}

	private Optional<String> callerOf(HttpServletRequest request) {
		var context = contexts.loadDeferredContext(request).get();
		return CurrentCaller.of(context.getAuthentication()).map(Caller::id);
	}

}
