package org.prolo.imaging.order;

/**
 * An order is reported once: a second report would contradict what the workflow already
 * acted on.
 */
public class OrderAlreadyReportedException extends RuntimeException {

	public OrderAlreadyReportedException(String orderId) {
		super("Imaging order " + orderId + " is already reported");
	}

}
