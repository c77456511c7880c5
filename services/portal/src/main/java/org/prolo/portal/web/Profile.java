package org.prolo.portal.web;

import java.util.Map;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * The signed-in person as their ID token describes them ({@code name}, {@code email}), to
 * prefill forms and greet them. Controllers take it as a parameter, like
 * {@link org.prolo.platform.security.Caller}; either value may be null.
 */
public record Profile(String id, String name, String email) {

	/**
	 * The name to greet with: the ID token's name, else the user id; null when nobody is
	 * signed in.
	 */
	public String displayName() {
		return (name != null && !name.isBlank()) ? name : id;
	}

	static Profile current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			return new Profile(null, null, null);
		}
		if (!(authentication.getPrincipal() instanceof OAuth2User user)) {
			return new Profile(authentication.getName(), null, null);
		}
		Map<String, Object> claims = user.getAttributes();
		return new Profile(authentication.getName(), text(claims.get("name")), text(claims.get("email")));
	}

	private static String text(Object claim) {
		return (claim != null) ? claim.toString() : null;
	}

}
