package org.prolo.scheduling.listener;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.prolo.calendar.ClinicCalendar;
import org.prolo.scheduling.booking.Appointments;
import org.prolo.scheduling.booking.ClosedReferrals;
import org.prolo.scheduling.booking.CoursePlan;
import org.prolo.scheduling.booking.Purpose;
import org.prolo.scheduling.booking.ReferralLeftWaitingList;
import org.prolo.scheduling.booking.WaitingList;
import org.prolo.scheduling.waitinglist.Allocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases: book the exam of an accepted referral; book every session of a planned
 * course; either waits on the waiting list when the calendar is full. Each runs in one
 * transaction with the idempotency record (the listener's OncePerEvent) and the outbox
 * entry.
 */
@Service
public class BookAppointments {

	private static final Logger log = LoggerFactory.getLogger(BookAppointments.class);

	private final Allocation allocation;

	private final Appointments appointments;

	private final WaitingList waitingList;

	private final ClosedReferrals closedReferrals;

	private final Clock clock;

	private final ClinicCalendar calendar;

	private final ApplicationEventPublisher events;

	BookAppointments(Allocation allocation, Appointments appointments, WaitingList waitingList,
			ClosedReferrals closedReferrals, Clock clock, ClinicCalendar calendar, ApplicationEventPublisher events) {
		this.events = events;
		this.allocation = allocation;
		this.appointments = appointments;
		this.waitingList = waitingList;
		this.closedReferrals = closedReferrals;
		this.clock = clock;
		this.calendar = calendar;
	}

	@Transactional
	public void bookExam(String eventId, String referralId) {
		if (!firstTime(eventId, referralId, Purpose.EXAM)) {
			return;
		}
		allocation.exam(referralId);
	}

	@Transactional
	public void bookCourse(String eventId, String referralId, Instant plannedAt, int sessions, int intervalWeeks) {
		if (!firstTime(eventId, referralId, Purpose.COURSE)) {
			return;
		}
		CoursePlan plan = new CoursePlan(sessions, intervalWeeks);
		// A course is planned only after the exam, so an exam still waiting is stale
		// (its ExamCompleted may have been lost to a replay).
		examPast(referralId);
		allocation.course(referralId, calendar.dateOf(plannedAt), plan);
	}

	/**
	 * The exam happened (walk-in, or booked elsewhere) while the referral still waited
	 * for it: the entry leaves the list so no exam is booked after it.
	 */
	@Transactional
	public void examCompleted(String referralId) {
		examPast(referralId);
	}

	private void examPast(String referralId) {
		// The calendar first, as every booking takes it: a pass over the list then never
		// books the entry this removes.
		appointments.lockCalendar();
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		if (waitingList.remove(referralId, Purpose.EXAM, now) > 0) {
			events.publishEvent(new ReferralLeftWaitingList(UUID.randomUUID().toString(), referralId, Purpose.EXAM,
					ReferralLeftWaitingList.EXAM_COMPLETED, null, now));
			log.info("Referral {} is past its exam and leaves the exam waiting list", referralId);
		}
	}

	private boolean firstTime(String eventId, String referralId, Purpose purpose) {
		// A plan or acceptance consumed after the close (a replayed dead letter, say)
		// books nothing: the referral's open work has ended.
		if (closedReferrals.isClosed(referralId)) {
			log.info("Referral {} is closed; {} event {} books nothing", referralId, purpose, eventId);
			return false;
		}
		// The same fact published again under a new event id (e.g. after a workflow
		// restart) books nothing, and waits no second time.
		// Nor does one that waited before: its entry was served, or removed because the
		// exam happened meanwhile.
		if (appointments.hasBookings(referralId, purpose) || waitingList.everWaited(referralId, purpose)) {
			log.info("Referral {} already has or waits for {} bookings; event {} ignored", referralId, purpose,
					eventId);
			return false;
		}
		return true;
	}

}
