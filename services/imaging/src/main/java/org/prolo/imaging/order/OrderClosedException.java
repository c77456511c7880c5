package org.prolo.imaging.order;

/**
 * An order closed because its referral closed takes no report: nobody waits for it any
 * more.
 */
public class OrderClosedException extends RuntimeException {

	public OrderClosedException(String orderId) {
		super("Imaging order " + orderId + " is closed: its referral closed before it was reported");
	}

}
