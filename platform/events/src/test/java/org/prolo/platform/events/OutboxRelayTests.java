package org.prolo.platform.events;

import java.time.Clock;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.prolo.events.ReferralClosed;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class OutboxRelayTests {

	record Closed(String eventId, String referralId) {
	}

	static final OutboxMapping<Closed> MAPPING = OutboxMapping.of("plumbing.events", Closed::eventId,
			closed -> ReferralClosed.newBuilder()
				.setReferralId(closed.referralId())
				.setClosedAt(Instant.parse("2026-03-02T10:15:30Z"))
				.setOutcome("WITHDRAWN")
				.build());

	// No Kafka template: a relay that tried to send would fail another way.
	final OutboxRelay relay = new OutboxRelay(new EventPublisher(null, "/prolo/test", Clock.systemUTC()));

	@Test
	void refusesAFactStoredWithoutItsId() {
		assertThatIllegalStateException().isThrownBy(() -> relay.relay(new Closed(null, "R-1"), MAPPING))
			.withMessage("Closed was stored in the outbox without its event id; it is not sent under a made-up one");
	}

	@Test
	void refusesAFactStoredWithABlankId() {
		assertThatIllegalStateException().isThrownBy(() -> relay.relay(new Closed(" ", "R-1"), MAPPING))
			.withMessageStartingWith("Closed was stored in the outbox without its event id");
	}

}
