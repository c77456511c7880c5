package org.prolo.scheduling.waitinglist;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.prolo.scheduling.booking.Purpose;
import org.prolo.scheduling.booking.WaitingList;
import org.prolo.scheduling.booking.WaitingList.Backlog;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Length and oldest wait of the waiting list per purpose, from one query every 15 s by
 * default rather than one per scrape.
 */
@Component
public class WaitingListMetrics {

	public static final String LENGTH = "prolo.waiting.list.length";

	public static final String OLDEST_WAIT = "prolo.waiting.list.oldest.wait";

	private final WaitingList waitingList;

	private final Clock clock;

	private final Map<Purpose, AtomicLong> length = new EnumMap<>(Purpose.class);

	private final Map<Purpose, AtomicLong> oldestWaitSeconds = new EnumMap<>(Purpose.class);

	WaitingListMetrics(MeterRegistry registry, WaitingList waitingList, Clock clock) {
		this.waitingList = waitingList;
		this.clock = clock;
		for (Purpose purpose : Purpose.values()) {
			Gauge.builder(LENGTH, length.computeIfAbsent(purpose, key -> new AtomicLong()), AtomicLong::get)
				.description("Referrals waiting for a free slot")
				.tag("purpose", purpose.name())
				.register(registry);
			Gauge
				.builder(OLDEST_WAIT, oldestWaitSeconds.computeIfAbsent(purpose, key -> new AtomicLong()),
						AtomicLong::get)
				.description("How long the longest-waiting referral has waited; 0 when nobody waits")
				.baseUnit("seconds")
				.tag("purpose", purpose.name())
				.register(registry);
		}
	}

	@Scheduled(initialDelayString = "PT1S", fixedDelayString = "${prolo.scheduling.waiting-list-metrics-refresh:PT15S}")
	public void refresh() {
		Map<Purpose, Backlog> backlog = waitingList.backlog();
		for (Purpose purpose : Purpose.values()) {
			Backlog waiting = backlog.get(purpose);
			length.get(purpose).set((waiting != null) ? waiting.length() : 0);
			oldestWaitSeconds.get(purpose)
				.set((waiting != null) ? Math.max(0, Duration.between(waiting.oldest(), clock.instant()).toSeconds())
						: 0);
		}
	}

}
