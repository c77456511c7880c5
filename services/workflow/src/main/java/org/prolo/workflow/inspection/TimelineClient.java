package org.prolo.workflow.inspection;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.prolo.platform.security.ServiceTokens;
import org.prolo.platform.security.clients.ServiceClient;
import org.prolo.platform.security.problems.ServiceUnavailableException;
import org.prolo.workflow.inspection.ReferralInspection.Event;
import org.prolo.workflow.inspection.ReferralInspection.Events;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Asks the timeline service (GET /api/referrals/{id}/timeline) for a referral's events,
 * as this service (a client-credentials token with timeline.read). Never fails: a
 * timeline that is down, slow or answers nonsense, or no token from the identity service,
 * gives {@link Events#unavailable}, so the rest of the inspection still shows.
 */
@Component
class TimelineClient {

	private static final Logger log = LoggerFactory.getLogger(TimelineClient.class);

	private final ServiceClient timeline;

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
		this.timeline = ServiceClient.create("timeline", builder, baseUrl, timeout, tokens);
	}

	Events eventsOf(String referralId) {
		try {
			// Nothing recorded (yet) is a finding, not a failure.
			return this.timeline
				.read(http -> http.get()
					.uri("/api/referrals/{id}/timeline", referralId)
					.accept(MediaType.APPLICATION_JSON)
					.retrieve()
					.body(TimelineView.class))
				.map(timeline -> events(referralId, timeline))
				.orElseGet(Events::none);
		}
		catch (ServiceUnavailableException ex) {
			return unavailable(referralId, ex.getMessage());
		}
	}

	private static Events events(String referralId, TimelineView timeline) {
		if (timeline.entries() == null) {
			return unavailable(referralId, "the timeline service answered without a timeline");
		}
		return new Events(true, null, timeline.status(), timeline.fhirStatus(),
				timeline.entries()
					.stream()
					.map(entry -> new Event(entry.at(), entry.type(), entry.summary(), entry.source()))
					.toList());
	}

	private static ClientHttpRequestInterceptor interceptorOf(ServiceTokens tokens) {
		return (tokens != null) ? tokens.interceptor() : null;
	}

	private static Events unavailable(String referralId, String reason) {
		log.warn("Events of referral {} unavailable: {}", referralId, reason);
		return Events.unavailable(reason);
	}

	/** The timeline service's TimelineView, as far as it is read here. */
	record TimelineView(String referralId, String status, String fhirStatus, List<Entry> entries) {

		record Entry(Instant at, String type, String summary, String source) {
		}

	}

}
