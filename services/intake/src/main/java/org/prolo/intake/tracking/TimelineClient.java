package org.prolo.intake.tracking;

import java.time.Duration;
import java.util.Optional;

import org.prolo.platform.security.ServiceTokens;
import org.prolo.platform.security.clients.ServiceClient;
import org.prolo.platform.security.problems.ServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

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

	private final ServiceClient timeline;

	TimelineClient(RestClient.Builder builder, ServiceTokens tokens,
			@Value("${intake.timeline-url:http://localhost:8085}") String baseUrl,
			@Value("${intake.timeline-timeout:PT3S}") Duration timeout) {
		this.timeline = ServiceClient.create("timeline", builder, baseUrl, timeout, tokens.interceptor());
	}

	/**
	 * The referral's timeline; empty when the timeline has recorded nothing of it yet.
	 * @throws ServiceUnavailableException when the timeline cannot be read (a 503)
	 */
	Optional<ReferralTimeline> timelineOf(String referralId) {
		try {
			Optional<ReferralTimeline> found = this.timeline.read(http -> http.get()
				.uri("/api/referrals/{id}/timeline", referralId)
				.accept(MediaType.APPLICATION_JSON)
				.retrieve()
				.body(ReferralTimeline.class));
			if (found.isPresent() && found.get().entries() == null) {
				throw new ServiceUnavailableException("timeline", "the timeline service answered without entries",
						null);
			}
			return found;
		}
		catch (ServiceUnavailableException ex) {
			log.warn("Timeline of referral {} unavailable: {}", referralId, ex.getMessage());
			throw ex;
		}
	}

}
