package org.prolo.workflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.FakeService;
import org.prolo.workflow.inspection.ReferralInspection.Event;
import org.prolo.workflow.inspection.ReferralInspection.Events;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

class InspectionTimelineClientTests {

	static FakeService timeline;

	@BeforeAll
	static void startTimeline() {
		timeline = FakeService.start("workflow", Roles.TIMELINE_READ);
	}

	@AfterAll
	static void stopTimeline() {
		timeline.close();
	}

	@Test
	void readsTheEventsOfAReferralInOrder() {
		recordSubmittedAndTriaged(timeline, "ref-1");

		Events events = client(timeline.url()).eventsOf("ref-1");

		assertThat(events.available()).isTrue();
		assertThat(events.status()).isEqualTo("ACCEPTED");
		assertThat(events.fhirStatus()).isEqualTo("in-progress");
		assertThat(events.entries()).extracting(Event::type).containsExactly("ReferralSubmitted", "ReferralTriaged");
		assertThat(events.entries().get(0).at()).isEqualTo(Instant.parse("2025-05-02T09:00:00Z"));
		assertThat(events.entries().get(1).source()).isEqualTo("/prolo/workflow");
	}

	@Test
	void saysNoEventsWhenTheTimelineKnowsNone() {
		Events events = client(timeline.url()).eventsOf("ref-unknown");

		assertThat(events.available()).isTrue();
		assertThat(events.entries()).isEmpty();
	}

	@Test
	void saysEventsAreUnavailableWhenTheTimelineFails() {
		timeline.answer("/api/referrals/ref-500/timeline", 503, "{}");

		Events events = client(timeline.url()).eventsOf("ref-500");

		assertThat(events.available()).isFalse();
		assertThat(events.unavailableReason()).isEqualTo("the timeline service answered 503");
		assertThat(events.entries()).isEmpty();
	}

	@Test
	void saysEventsAreUnavailableWhenTheTimelineIsDown() throws IOException {
		int closedPort;
		try (var socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		String url = "http://127.0.0.1:" + closedPort;

		Events events = client(url).eventsOf("ref-1");

		assertThat(events.available()).isFalse();
		assertThat(events.unavailableReason()).startsWith("the timeline service at " + url + " could not be read");
	}

	@Test
	void saysEventsAreUnavailableWhenTheTimelineRefusesTheCall() {
		recordSubmittedAndTriaged(timeline, "ref-2");

		Events events = new TimelineClient(RestClient.builder(), (ClientHttpRequestInterceptor) null, timeline.url(),
				Duration.ofSeconds(2))
			.eventsOf("ref-2");

		assertThat(events.available()).isFalse();
		assertThat(events.unavailableReason()).isEqualTo("the timeline service answered 401");
	}

	@Test
	void saysEventsAreUnavailableWhenNoTokenCanBeHad() {
		recordSubmittedAndTriaged(timeline, "ref-3");
		ClientHttpRequestInterceptor noToken = (request, body, execution) -> {
			throw new IllegalStateException("The identity service gave this service no token");
		};

		Events events = new TimelineClient(RestClient.builder(), noToken, timeline.url(), Duration.ofSeconds(2))
			.eventsOf("ref-3");

		assertThat(events.available()).isFalse();
		assertThat(events.unavailableReason())
			.isEqualTo("the identity service gave this service no token for the timeline (IllegalStateException)");
	}

	/** Two events, as the timeline service shows them. */
	static void recordSubmittedAndTriaged(FakeService timeline, String referralId) {
		timeline.answer("/api/referrals/" + referralId + "/timeline", 200,
				"""
						{"referralId":"%s","status":"ACCEPTED","fhirStatus":"in-progress","entries":[
						 {"at":"2025-05-02T09:00:00Z","type":"ReferralSubmitted","summary":"Submitted by dr-ada: KNEE_OSTEOARTHRITIS, ROUTINE","source":"/prolo/intake"},
						 {"at":"2025-05-02T14:30:00Z","type":"ReferralTriaged","summary":"Triaged: ACCEPTED","source":"/prolo/workflow"}]}"""
					.formatted(referralId));
	}

	/** As the service's token interceptor would: the timeline's accepted bearer. */
	private static TimelineClient client(String url) {
		ClientHttpRequestInterceptor tokens = (request, body, execution) -> {
			request.getHeaders().set(HttpHeaders.AUTHORIZATION, timeline.bearer());
			return execution.execute(request, body);
		};
		return new TimelineClient(RestClient.builder(), tokens, url, Duration.ofSeconds(2));
	}

}
