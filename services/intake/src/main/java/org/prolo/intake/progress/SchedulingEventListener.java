package org.prolo.intake.progress;

import java.util.Map;

import org.prolo.events.AppointmentWaitlisted;
import org.prolo.events.SessionsScheduled;
import org.prolo.events.WaitingListLeft;
import org.prolo.intake.referral.ReferralProgress;
import org.prolo.platform.events.EventTopics;
import org.prolo.platform.events.OncePerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Headers;
import org.springframework.stereotype.Component;

/**
 * The physician sees when an accepted referral waits for its exam and when it is booked,
 * and when a planned course's sessions wait for dates and when that ends; bookings made
 * at once change nothing here.
 */
@Component
@KafkaListener(topics = EventTopics.SCHEDULING, groupId = "intake")
class SchedulingEventListener {

	private static final Logger log = LoggerFactory.getLogger(SchedulingEventListener.class);

	private static final String EXAM = "EXAM";

	private static final String COURSE = "COURSE";

	private final FollowingReferralProgress following;

	private final OncePerEvent once;

	SchedulingEventListener(FollowingReferralProgress following, OncePerEvent once) {
		this.following = following;
		this.once = once;
	}

	@KafkaHandler
	void on(AppointmentWaitlisted event, @Headers Map<String, Object> headers) {
		if (EXAM.equals(event.getPurpose())) {
			once.run(headers, event, e -> following.follow(e.type(), event.getReferralId(),
					new ReferralProgress.WaitingForAppointment()));
		}
		else if (COURSE.equals(event.getPurpose())) {
			once.run(headers, event,
					e -> following.followCourseWait(e.type(), event.getReferralId(), true, event.getWaitlistedAt()));
		}
	}

	@KafkaHandler
	void on(SessionsScheduled event, @Headers Map<String, Object> headers) {
		if (event.getWaitlistedAt() == null) {
			return;
		}
		if (EXAM.equals(event.getPurpose())) {
			once.run(headers, event,
					e -> following.follow(e.type(), event.getReferralId(), new ReferralProgress.AppointmentBooked()));
		}
		else if (COURSE.equals(event.getPurpose())) {
			once.run(headers, event,
					e -> following.followCourseWait(e.type(), event.getReferralId(), false, event.getScheduledAt()));
		}
	}

	/**
	 * Only a course's: an exam leaves the list because the referral closed or its exam
	 * happened, and the workflow's events already move the status.
	 */
	@KafkaHandler
	void on(WaitingListLeft event, @Headers Map<String, Object> headers) {
		if (COURSE.equals(event.getPurpose())) {
			once.run(headers, event,
					e -> following.followCourseWait(e.type(), event.getReferralId(), false, event.getLeftAt()));
		}
	}

	@KafkaHandler(isDefault = true)
	void ignore(Object event) {
		log.debug("Ignored {}: it does not change what a referrer sees", event.getClass().getSimpleName());
	}

}
