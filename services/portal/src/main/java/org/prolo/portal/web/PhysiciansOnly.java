package org.prolo.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.prolo.platform.security.Caller;
import org.prolo.platform.security.CurrentCaller;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets only physicians use the portal's pages. Here rather than in the security filter
 * chain so that clinic staff get a page that sends them to Tasklist instead of the shared
 * chain's 403 problem+json; anonymous requests never get here (the chain sends them to
 * sign in). Intake checks every call again with the physician's own token.
 */
class PhysiciansOnly implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		boolean physician = CurrentCaller.get().map(Caller::isPhysician).orElse(false);
		if (!physician) {
			throw new NotAPhysicianException();
		}
		return true;
	}

}
