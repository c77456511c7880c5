package org.prolo.imaging.order;

/** An order is OPEN on the radiology worklist until it is REPORTED, once. */
public enum OrderStatus {

	OPEN, REPORTED

}
