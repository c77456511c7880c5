package org.prolo.portal.intake;

import java.io.IOException;

import org.prolo.platform.security.ProloSecurityAutoConfiguration;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;

/**
 * Sends every call to intake with the signed-in physician's own access token, the one
 * their sign-in (registration "prolo") obtained, refreshed when it has expired. Intake
 * then applies its ownership rules to the physician, not to the portal. The overview's
 * calls to timeline and workflow relay the clinic lead's token the same way.
 */
public final class TokenRelay implements ClientHttpRequestInterceptor {

	private final OAuth2AuthorizedClientManager clients;

	public TokenRelay(OAuth2AuthorizedClientManager clients) {
		this.clients = clients;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		String registration = ProloSecurityAutoConfiguration.LOGIN_REGISTRATION;
		if (signedIn == null) {
			throw new ClientAuthorizationRequiredException(registration);
		}
		// With the request's session in reach (RequestContextHolder), the manager finds
		// the client the sign-in stored, refreshes an expired token with the refresh
		// token, and asks for a new sign-in (ClientAuthorizationRequiredException) when
		// there is neither.
		OAuth2AuthorizedClient client = this.clients
			.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(registration).principal(signedIn).build());
		if (client == null) {
			throw new ClientAuthorizationRequiredException(registration);
		}
		request.getHeaders().setBearerAuth(client.getAccessToken().getTokenValue());
		return execution.execute(request, body);
	}

}
