package org.prolo.platform.security;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The caller of the current request, for adapters that are not Spring MVC controllers.
 */
public final class CurrentCaller {

	private CurrentCaller() {
	}

	public static Optional<Caller> get() {
		return of(SecurityContextHolder.getContext().getAuthentication());
	}

	public static Optional<Caller> of(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return Optional.empty();
		}
		Set<String> groups = withPrefix(authentication, Roles.GROUP_PREFIX);
		// Only access tokens carry service scopes; the openid/profile scopes of a browser
		// sign-in grant nothing.
		Set<String> scopes = authentication instanceof JwtAuthenticationToken
				? withPrefix(authentication, Roles.SCOPE_PREFIX) : Set.of();
		return Optional.of(new Caller(authentication.getName(), groups, scopes));
	}

	private static Set<String> withPrefix(Authentication authentication, String prefix) {
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(a -> a.startsWith(prefix))
			.map(a -> a.substring(prefix.length()))
			.collect(Collectors.toSet());
	}

}
