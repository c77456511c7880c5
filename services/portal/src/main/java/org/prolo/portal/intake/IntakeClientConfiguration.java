package org.prolo.portal.intake;

import java.net.http.HttpClient;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.prolo.portal.PortalProperties;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
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
 * The RestClient for intake: base URL, timeouts, the physician's token, one log line per
 * call and intake's errors as exceptions.
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
		// HTTP/1.1: the JDK client would otherwise offer an h2c upgrade on every call.
		var requests = ClientHttpRequestFactoryBuilder.jdk()
			.withHttpClientCustomizer(client -> client.version(HttpClient.Version.HTTP_1_1))
			.build(ClientHttpRequestFactorySettings.defaults()
				.withTimeouts(properties.intakeConnectTimeout(), properties.intakeReadTimeout()));
		RestClient rest = builder.baseUrl(properties.intakeUrl().toString())
			.requestFactory(requests)
			.requestInterceptor(new IntakeCallLog())
			.requestInterceptor(new TokenRelay(clients))
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
				throw errors.of(response);
			})
			.build();
		return new IntakeClient(rest);
	}

}
