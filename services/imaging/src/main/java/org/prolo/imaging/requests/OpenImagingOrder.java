package org.prolo.imaging.requests;

import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.prolo.imaging.order.ClosedReferrals;
import org.prolo.imaging.order.ImagingOrder;
import org.prolo.imaging.order.ImagingOrders;
import org.prolo.imaging.order.Modality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: open the imaging order a clinician requested, once per request (the listener
 * drops redeliveries of the event).
 */
@Service
public class OpenImagingOrder {

	private static final Logger log = LoggerFactory.getLogger(OpenImagingOrder.class);

	private final ImagingOrders orders;

	private final ClosedReferrals closedReferrals;

	OpenImagingOrder(ImagingOrders orders, ClosedReferrals closedReferrals) {
		this.orders = orders;
		this.closedReferrals = closedReferrals;
	}

	@Transactional
	public void handle(String eventId, ImagingRequest request) {
		// A request consumed after its referral closed (a replayed dead letter, say)
		// would put an order on the worklist that nobody waits for.
		if (closedReferrals.isClosed(request.referralId())) {
			log.info("Referral {} is closed; imaging request {} opens no order", request.referralId(), eventId);
			return;
		}
		// A request the workflow publishes again under a new event id is still the same
		// request.
		if (orders.existsForRequest(request.referralId(), request.requestedAt())) {
			log.info("Imaging request of referral {} at {} already has an order; event {} ignored",
					request.referralId(), request.requestedAt(), eventId);
			return;
		}
		ImagingOrder order = ImagingOrder.open(UUID.randomUUID().toString(), request.referralId(),
				request.patientPseudonym(), Modality.fromCode(request.modality()), request.bodyRegion(),
				request.clinicalQuestion(), request.requestedAt().truncatedTo(ChronoUnit.MILLIS));
		orders.add(order);
		log.info("Opened {} imaging order {} for referral {} (patient {})", order.modality(), order.id(),
				order.referralId(), order.patientPseudonym());
	}

}
