package org.prolo.scheduling.booking;

/**
 * How many sessions, how many weeks apart, within the limits the course-planning task
 * allows.
 */
public record CoursePlan(int sessions, int intervalWeeks) {

	public CoursePlan {
		if (sessions < 1 || sessions > 10) {
			throw new IllegalArgumentException("A course has 1 to 10 sessions, not " + sessions);
		}
		if (intervalWeeks < 1 || intervalWeeks > 12) {
			throw new IllegalArgumentException("Sessions are 1 to 12 weeks apart, not " + intervalWeeks);
		}
	}

}
