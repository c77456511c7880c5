package org.prolo.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets only clinic leads open the overview, with a 403 page for anyone else as
 * {@link PhysiciansOnly} does for the physicians' pages; anonymous requests never get
 * here (the chain sends them to sign in). Timeline and workflow check every call again
 * with the lead's own token.
 */
class ClinicLeadsOnly implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!Layout.isClinicLead()) {
			throw new NotAClinicLeadException();
		}
		return true;
	}

}
