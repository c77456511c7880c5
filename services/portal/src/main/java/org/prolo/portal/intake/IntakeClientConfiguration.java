package org.prolo.portal.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.prolo.platform.security.clients.ServiceClient;
import org.prolo.portal.PortalProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.web.client.RestClient;

/**
 * The RestClient for intake: base URL, the platform's time-outs, the physician's token
 * relayed, one log line per call and intake's errors as the exceptions the pages handle.
 */
@Configuration(proxyBeanMethods = false)
class IntakeClientConfiguration {

	/**
	 * The sign-in's authorized clients: the one from authorization_code, renewed with its
	 * refresh token when the access token has expired.
	 */
	@Bean
	OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientRepository authorizedClients) {
		var manager = new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
		manager.setAuthorizedClientProvider(
				OAuth2AuthorizedClientProviderBuilder.builder().authorizationCode().refreshToken().build());
		return manager;
	}

	@Bean
	IntakeClient intakeClient(RestClient.Builder builder, PortalProperties properties,
			OAuth2AuthorizedClientManager clients, ObjectMapper json) {
		var errors = new IntakeErrors(json);
		RestClient rest = builder.baseUrl(properties.intakeUrl().toString())
			.requestFactory(
					ServiceClient.requestFactory(properties.intakeConnectTimeout(), properties.intakeReadTimeout()))
			.requestInterceptor(new IntakeCallLog())
			.requestInterceptor(new TokenRelay(clients))
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
				throw errors.of(response);
			})
			.build();
		return new IntakeClient(rest);
	}

}
