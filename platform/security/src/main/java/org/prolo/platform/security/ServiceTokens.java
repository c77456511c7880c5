package org.prolo.platform.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;

/**
 * Client-credentials tokens for calls from this service to another one; the manager
 * caches the token and fetches a new one shortly before it expires.
 */
public class ServiceTokens {

	private final OAuth2AuthorizedClientManager clients;

	ServiceTokens(OAuth2AuthorizedClientManager clients) {
		this.clients = clients;
	}

	/** The current access token of this service. */
	public String accessToken() {
		OAuth2AuthorizedClient client = this.clients.authorize(
				OAuth2AuthorizeRequest.withClientRegistrationId(ProloSecurityAutoConfiguration.SERVICE_REGISTRATION)
					.principal(ProloSecurityAutoConfiguration.SERVICE_REGISTRATION)
					.build());
		if (client == null) {
			throw new IllegalStateException("The identity service gave this service no token");
		}
		return client.getAccessToken().getTokenValue();
	}

	/** Adds this service's bearer token to every request of a RestClient. */
	public ClientHttpRequestInterceptor interceptor() {
		return (request, body, execution) -> {
			request.getHeaders().set(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken());
			return execution.execute(request, body);
		};
	}

}
