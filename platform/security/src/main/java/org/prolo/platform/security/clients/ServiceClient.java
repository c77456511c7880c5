package org.prolo.platform.security.clients;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import org.prolo.platform.security.problems.ServiceUnavailableException;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.lang.Nullable;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * One HTTP client to another service of the clinic, written once: connect and read
 * time-outs (a hung service fails the call instead of holding it), a bearer token on
 * every request (this service's own client-credentials token from
 * {@link org.prolo.platform.security.ServiceTokens#interceptor()}, or a relayed one), and
 * every failure to read it (down, slow, an error status, no body, no token) as one
 * {@link ServiceUnavailableException}, which a service's problem handling answers with a
 * 503. A 404 is an answer, not a failure: {@link #read} gives it as empty.
 */
public final class ServiceClient {

	private final String service;

	private final String baseUrl;

	private final RestClient http;

	private ServiceClient(String service, String baseUrl, RestClient http) {
		this.service = service;
		this.baseUrl = baseUrl;
		this.http = http;
	}

	/**
	 * @param service the other service's name, lower case, as problems and logs name it
	 * @param tokens adds the bearer token; null sends none (the other service then
	 * answers 401, which is unavailable too)
	 */
	public static ServiceClient create(String service, RestClient.Builder builder, String baseUrl, Duration timeout,
			@Nullable ClientHttpRequestInterceptor tokens) {
		RestClient.Builder client = builder.clone().baseUrl(baseUrl).requestFactory(requestFactory(timeout, timeout));
		if (tokens != null) {
			client.requestInterceptor(tokensOrUnavailable(service, tokens));
		}
		return new ServiceClient(service, baseUrl, client.build());
	}

	/**
	 * The JDK's client with these time-outs, on HTTP/1.1: it would otherwise offer an h2c
	 * upgrade on every call.
	 */
	public static ClientHttpRequestFactory requestFactory(Duration connectTimeout, Duration readTimeout) {
		var factory = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build());
		factory.setReadTimeout(readTimeout);
		return factory;
	}

	/**
	 * Reads one resource: empty when the other service answers 404.
	 * @param request the call, ending in {@code retrieve().body(...)}
	 * @throws ServiceUnavailableException when it cannot be read, or the answer has no
	 * body
	 */
	public <T> Optional<T> read(Function<RestClient, T> request) {
		try {
			T body = request.apply(this.http);
			if (body == null) {
				throw unavailable("the " + this.service + " service answered without a body", null);
			}
			return Optional.of(body);
		}
		catch (HttpClientErrorException.NotFound ex) {
			return Optional.empty();
		}
		catch (RestClientResponseException ex) {
			throw unavailable("the " + this.service + " service answered " + ex.getStatusCode().value(), ex);
		}
		catch (RestClientException ex) {
			throw unavailable("the " + this.service + " service at " + this.baseUrl + " could not be read ("
					+ ex.getMostSpecificCause().getClass().getSimpleName() + ")", ex);
		}
	}

	private ServiceUnavailableException unavailable(String reason, @Nullable Throwable cause) {
		return new ServiceUnavailableException(this.service, reason, cause);
	}

	/**
	 * Tells a token that could not be had (the identity service is down or refuses this
	 * client) from a failure of the other service itself.
	 */
	private static ClientHttpRequestInterceptor tokensOrUnavailable(String service,
			ClientHttpRequestInterceptor tokens) {
		return (request, body, execution) -> {
			boolean[] sent = { false };
			try {
				return tokens.intercept(request, body, (signed, signedBody) -> {
					sent[0] = true;
					return execution.execute(signed, signedBody);
				});
			}
			catch (RuntimeException ex) {
				if (sent[0]) {
					throw ex;
				}
				throw new ServiceUnavailableException(service,
						"the identity service gave this service no token for the " + service + " ("
								+ ex.getClass().getSimpleName() + ")",
						ex);
			}
		};
	}

}
