package org.prolo.imaging.order;

public class OrderNotFoundException extends RuntimeException {

	public OrderNotFoundException(String orderId) {
		super("No imaging order " + orderId);
	}

}
