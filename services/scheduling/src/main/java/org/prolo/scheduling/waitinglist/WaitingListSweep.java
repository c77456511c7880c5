package org.prolo.scheduling.waitinglist;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Capacity also appears without any event: every day a new day enters the horizon, and a
 * closed day reopened in the clinic calendar takes effect at the next start. A pass soon
 * after start and then every few minutes books whoever fits.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class WaitingListSweep {

	private static final Logger log = LoggerFactory.getLogger(WaitingListSweep.class);

	private final Allocation allocation;

	WaitingListSweep(Allocation allocation) {
		this.allocation = allocation;
	}

	@Scheduled(initialDelayString = "${prolo.scheduling.waiting-list-sweep-delay:PT10S}",
			fixedDelayString = "${prolo.scheduling.waiting-list-sweep:PT5M}")
	void serve() {
		List<String> booked = allocation.serveWaitingList();
		if (!booked.isEmpty()) {
			log.info("Booked {} waiting referral(s)", booked.size());
		}
	}

}
