package org.prolo.imaging.requests;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.prolo.imaging.order.ClosedReferrals;
import org.prolo.imaging.order.ClosingPolicy;
import org.prolo.imaging.order.ImagingOrder;
import org.prolo.imaging.order.ImagingOrders;
import org.prolo.imaging.order.OrderClosed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: a referral closed without a course, so its open orders leave the worklist
 * unreported (one ImagingOrderClosed each) and no order is opened for it afterwards. A
 * close that finds no open order publishes nothing.
 */
@Service
public class CloseImagingOrders {

	private static final Logger log = LoggerFactory.getLogger(CloseImagingOrders.class);

	private final ImagingOrders orders;

	private final ClosedReferrals closedReferrals;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CloseImagingOrders(ImagingOrders orders, ClosedReferrals closedReferrals, ApplicationEventPublisher events,
			Clock clock) {
		this.orders = orders;
		this.closedReferrals = closedReferrals;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public void referralClosed(String referralId, String outcome, Instant closedAt) {
		if (!ClosingPolicy.closesOrders(outcome)) {
			return;
		}
		closedReferrals.record(referralId, outcome, closedAt);
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		int closed = 0;
		for (ImagingOrder open : orders.openOf(referralId)) {
			if (orders.saveClose(open.close(), now, outcome)) {
				events.publishEvent(new OrderClosed(UUID.randomUUID().toString(), open.id(), referralId, now, outcome));
				closed++;
				log.info("Closed imaging order {} of referral {} closed {}", open.id(), referralId, outcome);
			}
		}
		if (closed == 0) {
			log.info("Referral {} closed {} with no open imaging order", referralId, outcome);
		}
	}

}
