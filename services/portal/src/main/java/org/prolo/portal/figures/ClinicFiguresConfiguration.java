package org.prolo.portal.figures;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;

import org.prolo.portal.PortalProperties;
import org.prolo.portal.intake.TokenRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.web.client.RestClient;

/**
 * A RestClient each for timeline, workflow and scheduling: base URL, the staff pages'
 * timeout, the signed-in person's token, one log line per call (method, path, status:
 * never a body or a header).
 */
@Configuration(proxyBeanMethods = false)
class ClinicFiguresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ClinicFigures.class);

	@Bean
	ClinicFigures clinicFigures(RestClient.Builder builder, PortalProperties properties,
			OAuth2AuthorizedClientManager clients) {
		// HTTP/1.1: the JDK client would otherwise offer an h2c upgrade on every call.
		ClientHttpRequestFactory requests = ClientHttpRequestFactoryBuilder.jdk()
			.withHttpClientCustomizer(client -> client.version(HttpClient.Version.HTTP_1_1))
			.build(ClientHttpRequestFactorySettings.defaults()
				.withTimeouts(properties.overviewTimeout(), properties.overviewTimeout()));
		var relay = new TokenRelay(clients);
		return new ClinicFigures(client(builder.clone(), properties.timelineUrl(), requests, relay),
				client(builder.clone(), properties.workflowUrl(), requests, relay),
				client(builder.clone(), properties.schedulingUrl(), requests, relay));
	}

	private static RestClient client(RestClient.Builder builder, URI baseUrl, ClientHttpRequestFactory requests,
			TokenRelay relay) {
		return builder.baseUrl(baseUrl.toString())
			.requestFactory(requests)
			.requestInterceptor(callLog())
			.requestInterceptor(relay)
			.build();
	}

	private static ClientHttpRequestInterceptor callLog() {
		return (request, body, execution) -> {
			try {
				var response = execution.execute(request, body);
				log.info("{} answered {} to {} {}", request.getURI().getAuthority(), response.getStatusCode().value(),
						request.getMethod(), request.getURI().getPath());
				return response;
			}
			catch (IOException ex) {
				log.warn("{} did not answer {} {}: {}", request.getURI().getAuthority(), request.getMethod(),
						request.getURI().getPath(), ex.getClass().getSimpleName());
				throw ex;
			}
		};
	}

}
