package org.prolo.intake.tracking;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;

import org.prolo.platform.security.ServiceTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Asks the timeline service (GET /api/referrals/{id}/timeline) with intake's own
 * client-credentials token: the physician's token stays with intake, and the timeline
 * trusts intake (scope timeline.read), not each physician. Connect and read time out
 * (intake.timeline-timeout, 3 s), so a hung timeline fails the request instead of holding
 * it.
 */
@Component
class TimelineClient {

	private static final Logger log = LoggerFactory.getLogger(TimelineClient.class);

	private final RestClient http;

	TimelineClient(RestClient.Builder builder, ServiceTokens tokens,
			@Value("${intake.timeline-url:http://localhost:8085}") String baseUrl,
			@Value("${intake.timeline-timeout:PT3S}") Duration timeout) {
		var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(timeout).build());
		factory.setReadTimeout(timeout);
		this.http = builder.clone()
			.baseUrl(baseUrl)
			.requestFactory(factory)
			.requestInterceptor(tokens.interceptor())
			.build();
	}

	/**
	 * The referral's timeline; empty when the timeline has recorded nothing of it yet.
	 * @throws TimelineUnavailableException when the timeline cannot be read
	 */
	Optional<ReferralTimeline> timelineOf(String referralId) {
		try {
			ReferralTimeline timeline = http.get()
				.uri("/api/referrals/{id}/timeline", referralId)
				.accept(MediaType.APPLICATION_JSON)
				.retrieve()
				.body(ReferralTimeline.class);
			if (timeline == null || timeline.entries() == null) {
				throw unavailable(referralId, "the timeline service answered without a timeline", null);
			}
			return Optional.of(timeline);
		}
		catch (HttpClientErrorException.NotFound ex) {
			// The timeline has not seen the referral's first event yet.
			return Optional.empty();
		}
		catch (RestClientException | OAuth2AuthorizationException | IllegalStateException ex) {
			throw unavailable(referralId, describe(ex), ex);
		}
	}

	private static String describe(RuntimeException ex) {
		if (ex instanceof org.springframework.web.client.RestClientResponseException response) {
			return "the timeline service answered " + response.getStatusCode().value();
		}
		if (ex instanceof OAuth2AuthorizationException || ex instanceof IllegalStateException) {
			return "intake got no token from the identity service";
		}
		return "the timeline service could not be reached";
	}

	private static TimelineUnavailableException unavailable(String referralId, String reason, Throwable cause) {
		log.warn("Timeline of referral {} unavailable: {} ({})", referralId, reason,
				(cause != null) ? cause.getClass().getSimpleName() : "no body");
		return new TimelineUnavailableException(reason, cause);
	}

}
