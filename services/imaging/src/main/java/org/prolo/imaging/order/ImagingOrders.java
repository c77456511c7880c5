package org.prolo.imaging.order;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where orders are kept; implemented by an adapter. */
public interface ImagingOrders {

	/** True when an order was already opened for this request of this referral. */
	boolean existsForRequest(String referralId, Instant requestedAt);

	void add(ImagingOrder order);

	Optional<ImagingOrder> find(String id);

	/** Oldest request first; every order when status is null. */
	List<ImagingOrder> list(OrderStatus status);

	/**
	 * Stores the report; false when the order was no longer open (someone reported it
	 * concurrently).
	 */
	boolean saveReport(ImagingOrder reported);

	/** The referral's orders still open, oldest request first. */
	List<ImagingOrder> openOf(String referralId);

	/**
	 * Stores the close of an order; false when it was no longer open (reported
	 * concurrently).
	 */
	boolean saveClose(ImagingOrder closed, Instant closedAt, String reason);

}
