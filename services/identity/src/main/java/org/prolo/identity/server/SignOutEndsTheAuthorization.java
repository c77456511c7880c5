package org.prolo.identity.server;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.web.authentication.OidcLogoutAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * RP-initiated logout (a service's "Sign out") ends the authorization its ID token
 * belongs to, not only the sign-in session here: the server would otherwise keep
 * honouring that sign-in's refresh token until it expires. Then the usual answer: the
 * session ends and the browser goes back to the client.
 */
class SignOutEndsTheAuthorization implements AuthenticationSuccessHandler {

	private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

	private final OAuth2AuthorizationService authorizations;

	private final AuthenticationSuccessHandler signOut = new OidcLogoutAuthenticationSuccessHandler();

	SignOutEndsTheAuthorization(OAuth2AuthorizationService authorizations) {
		this.authorizations = authorizations;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		if (authentication instanceof OidcLogoutAuthenticationToken logout && logout.getIdToken() != null) {
			OAuth2Authorization authorization = this.authorizations.findByToken(logout.getIdToken().getTokenValue(),
					ID_TOKEN);
			if (authorization != null) {
				this.authorizations.remove(authorization);
			}
		}
		this.signOut.onAuthenticationSuccess(request, response, authentication);
	}

}
