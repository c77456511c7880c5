package org.prolo.imaging.worklist;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.prolo.imaging.order.Findings;
import org.prolo.imaging.order.ImagingOrder;
import org.prolo.imaging.order.ImagingOrders;
import org.prolo.imaging.order.OrderAlreadyReportedException;
import org.prolo.imaging.order.OrderNotFoundException;
import org.prolo.imaging.order.OrderStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of the radiology worklist: look at orders, report on one. */
@Service
public class RadiologyWorklist {

	private static final Logger log = LoggerFactory.getLogger(RadiologyWorklist.class);

	private final ImagingOrders orders;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RadiologyWorklist(ImagingOrders orders, ApplicationEventPublisher events, Clock clock) {
		this.orders = orders;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<ImagingOrder> orders(OrderStatus status) {
		return orders.list(status);
	}

	@Transactional(readOnly = true)
	public ImagingOrder order(String id) {
		return orders.find(id).orElseThrow(() -> new OrderNotFoundException(id));
	}

	/**
	 * Reports on an open order. The domain event is stored in the event publication
	 * registry in this transaction and published to Kafka after commit.
	 * @throws OrderNotFoundException for an unknown id
	 * @throws OrderAlreadyReportedException when the order was reported before
	 */
	@Transactional
	public ImagingOrder report(String id, Findings findings) {
		ImagingOrder reported = order(id).report(findings, clock.instant().truncatedTo(ChronoUnit.MILLIS));
		if (!orders.saveReport(reported)) {
			throw new OrderAlreadyReportedException(id);
		}
		events.publishEvent(reported.reported(UUID.randomUUID().toString()));
		log.info("Imaging order {} of referral {} reported (red flag: {})", id, reported.referralId(),
				findings.redFlag());
		return reported;
	}

}
