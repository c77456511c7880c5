package org.prolo.intake.referral;

import java.time.Instant;

/**
 * Whether the sessions of the referral's planned course wait for dates on scheduling's
 * waiting list. Scheduling's events about it may be read again or late, and each carries
 * scheduling's time: one no later than the latest applied changes nothing, and at the
 * same time the end of a wait wins over its start, since a booking never precedes the
 * wait it ends.
 *
 * @param waitingSince when the course went on the waiting list; null while it does not
 * wait
 * @param asOf scheduling's time of the latest event applied; null before any
 */
public record CourseWait(Instant waitingSince, Instant asOf) {

	/** Nothing heard from scheduling about a waiting course. */
	public static final CourseWait NONE = new CourseWait(null, null);

	public boolean waiting() {
		return this.waitingSince != null;
	}

	/** Scheduling put the course on the waiting list at {@code at}. */
	CourseWait waitlisted(Instant at) {
		return (this.asOf != null && !at.isAfter(this.asOf)) ? this : new CourseWait(at, at);
	}

	/** The course left the waiting list at {@code at}: booked, or taken off. */
	CourseWait ended(Instant at) {
		return (this.asOf != null && at.isBefore(this.asOf)) ? this : new CourseWait(null, at);
	}

	/**
	 * The referral closed without a course: nothing waits; the time stays, so an older
	 * event still changes nothing.
	 */
	CourseWait cleared() {
		return waiting() ? new CourseWait(null, this.asOf) : this;
	}

}
