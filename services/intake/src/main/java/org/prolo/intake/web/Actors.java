package org.prolo.intake.web;

import java.util.Map;

import org.prolo.intake.referral.Actor;
import org.prolo.intake.referral.Referrer;
import org.prolo.platform.security.Caller;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

/** The signed-in caller as the referral's rules see it. */
public final class Actors {

	private Actors() {
	}

	public static Actor of(Caller caller) {
		return new Actor(caller.id(), caller.isPhysician(), caller.isStaff());
	}

	/**
	 * The caller as a referrer, as the identity service vouches for them: the token's (or
	 * the browser sign-in's) {@code sub}, {@code name} and {@code email}; the last two
	 * null when the sign-in does not carry them.
	 */
	public static Referrer referrerOf(Caller caller) {
		Map<String, Object> claims = claimsOf(SecurityContextHolder.getContext().getAuthentication());
		return new Referrer(caller.id(), text(claims.get(StandardClaimNames.NAME)),
				text(claims.get(StandardClaimNames.EMAIL)));
	}

	private static Map<String, Object> claimsOf(Authentication authentication) {
		if (authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> token) {
			return token.getTokenAttributes();
		}
		if (authentication != null && authentication.getPrincipal() instanceof OAuth2AuthenticatedPrincipal user) {
			return user.getAttributes();
		}
		return Map.of();
	}

	private static String text(Object claim) {
		return (claim instanceof String value && !value.isBlank()) ? value : null;
	}

}
