package org.prolo.imaging.order;

/**
 * An order is OPEN on the radiology worklist until it is REPORTED, once, or CLOSED
 * unreported because its referral closed.
 */
public enum OrderStatus {

	OPEN, REPORTED, CLOSED

}
