package org.prolo.workflow.inspection;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.prolo.platform.security.ServiceTokens;
import org.prolo.workflow.inspection.ReferralInspection.Event;
import org.prolo.workflow.inspection.ReferralInspection.Events;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Asks the timeline service (GET /api/referrals/{id}/timeline) for a referral's events,
 * as this service (a client-credentials token with timeline.read). Never fails: a
 * timeline that is down, slow or answers nonsense, or no token from the identity service,
 * gives {@link Events#unavailable}, so the rest of the inspection still shows.
 */
@Component
class TimelineClient {

	private static final Logger log = LoggerFactory.getLogger(TimelineClient.class);

	private final RestClient http;

	private final String baseUrl;

	@Autowired
	TimelineClient(RestClient.Builder builder, ObjectProvider<ServiceTokens> tokens,
			@Value("${prolo.inspection.timeline-url:http://127.0.0.1:8085}") String baseUrl,
			@Value("${prolo.inspection.timeline-timeout:PT3S}") Duration timeout) {
		this(builder, interceptorOf(tokens.getIfAvailable()), baseUrl, timeout);
	}

	/**
	 * @param tokens adds this service's bearer token; without one (no
	 * prolo.security.client.id) the timeline answers 401 and the events are unavailable
	 */
	TimelineClient(RestClient.Builder builder, ClientHttpRequestInterceptor tokens, String baseUrl, Duration timeout) {
		var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(timeout).build());
		factory.setReadTimeout(timeout);
		this.baseUrl = baseUrl;
		RestClient.Builder client = builder.clone().baseUrl(baseUrl).requestFactory(factory);
		if (tokens != null) {
			client.requestInterceptor(tokensOrUnavailable(tokens));
		}
		this.http = client.build();
	}

	Events eventsOf(String referralId) {
		try {
			TimelineView timeline = http.get()
				.uri("/api/referrals/{id}/timeline", referralId)
				.accept(MediaType.APPLICATION_JSON)
				.retrieve()
				.body(TimelineView.class);
			if (timeline == null || timeline.entries() == null) {
				return unavailable(referralId, "the timeline service answered without a timeline");
			}
			return new Events(true, null, timeline.status(), timeline.fhirStatus(),
					timeline.entries()
						.stream()
						.map(entry -> new Event(entry.at(), entry.type(), entry.summary(), entry.source()))
						.toList());
		}
		catch (NoToken ex) {
			return unavailable(referralId, "the identity service gave this service no token for the timeline ("
					+ ex.getCause().getClass().getSimpleName() + ")");
		}
		catch (HttpClientErrorException.NotFound ex) {
			// The timeline has recorded nothing of it (yet): a finding, not a failure.
			return Events.none();
		}
		catch (RestClientResponseException ex) {
			return unavailable(referralId, "the timeline service answered " + ex.getStatusCode().value());
		}
		catch (RestClientException ex) {
			return unavailable(referralId, "the timeline service at " + baseUrl + " could not be read ("
					+ ex.getMostSpecificCause().getClass().getSimpleName() + ")");
		}
	}

	private static ClientHttpRequestInterceptor interceptorOf(ServiceTokens tokens) {
		return (tokens != null) ? tokens.interceptor() : null;
	}

	/**
	 * Tells a token that could not be had (the identity service is down or refuses the
	 * client) from a failure of the timeline itself.
	 */
	private static ClientHttpRequestInterceptor tokensOrUnavailable(ClientHttpRequestInterceptor tokens) {
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
				throw new NoToken(ex);
			}
		};
	}

	private static Events unavailable(String referralId, String reason) {
		log.warn("Events of referral {} unavailable: {}", referralId, reason);
		return Events.unavailable(reason);
	}

	private static final class NoToken extends RuntimeException {

		NoToken(RuntimeException cause) {
			super(cause);
		}

	}

	/** The timeline service's TimelineView, as far as it is read here. */
	record TimelineView(String referralId, String status, String fhirStatus, List<Entry> entries) {

		record Entry(Instant at, String type, String summary, String source) {
		}

	}

}
