package org.prolo.portal.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.prolo.platform.security.CurrentCaller;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets only members of some staff groups open a page or send a form, with a 403 page that
 * says who may for anyone else, as {@link PhysiciansOnly} does for the physicians' pages;
 * anonymous requests never get here (the chain sends them to sign in). The services the
 * page calls check every call again with the person's own token.
 */
final class GroupsOnly implements HandlerInterceptor {

	private final String what;

	private final String whoMay;

	private final List<String> groups;

	/**
	 * @param what the page or form, as the 403 page's heading starts ("The waiting list")
	 * @param whoMay the groups in words ("clinic leads")
	 */
	GroupsOnly(String what, String whoMay, List<String> groups) {
		this.what = what;
		this.whoMay = whoMay;
		this.groups = List.copyOf(groups);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!inAnyOf(this.groups)) {
			throw new NotForThisCallerException(this.what, this.whoMay);
		}
		return true;
	}

	static boolean inAnyOf(List<String> groups) {
		return CurrentCaller.get().map(caller -> groups.stream().anyMatch(caller::inGroup)).orElse(false);
	}

}
