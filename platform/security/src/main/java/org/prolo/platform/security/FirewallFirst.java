package org.prolo.platform.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the firewall before any other filter, so that a path it refuses is a 400
 * problem+json whatever servlet it was mapped to. Inside Spring Security the firewall
 * runs only after Spring's own path parsing, which fails with a 500 on a servlet other
 * than Spring MVC's (HAPI FHIR at /fhir) when the path is spelled {@code //fhir/…} or
 * {@code /fhir;x=y/…}; and the services' own filters (intake's audit) should never see a
 * request the firewall refuses. The security chain applies the firewall again.
 */
class FirewallFirst extends OncePerRequestFilter {

	private final HttpFirewall firewall;

	private final RequestRejectedHandler rejected;

	FirewallFirst(HttpFirewall firewall, RequestRejectedHandler rejected) {
		this.firewall = firewall;
		this.rejected = rejected;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			this.firewall.getFirewalledRequest(request);
		}
		catch (RequestRejectedException ex) {
			this.rejected.handle(request, response, ex);
			return;
		}
		chain.doFilter(request, response);
	}

}
