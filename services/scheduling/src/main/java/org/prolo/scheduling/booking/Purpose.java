package org.prolo.scheduling.booking;

/**
 * Why a referral is booked: the physical exam after acceptance, or the sessions of a
 * planned course.
 */
public enum Purpose {

	EXAM, COURSE

}
