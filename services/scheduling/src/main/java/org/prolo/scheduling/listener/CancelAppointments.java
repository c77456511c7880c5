package org.prolo.scheduling.listener;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.prolo.calendar.ClinicCalendar;
import org.prolo.scheduling.booking.Appointments;
import org.prolo.scheduling.booking.Appointments.CancelledAppointment;
import org.prolo.scheduling.booking.BookingsCancelled;
import org.prolo.scheduling.booking.ClosedReferrals;
import org.prolo.scheduling.booking.ClosingPolicy;
import org.prolo.scheduling.booking.ReferralLeftWaitingList;
import org.prolo.scheduling.booking.WaitingList;
import org.prolo.scheduling.booking.WaitingList.WaitingReferral;
import org.prolo.scheduling.waitinglist.Allocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: a referral closed without a course, so its appointments still to come (today
 * in the clinic's calendar or later) are cancelled and their slots freed for the waiting
 * list, it leaves the waiting list, and nothing is booked for it afterwards. One
 * transaction with the idempotency record (the listener's OncePerEvent) and the outbox
 * entry; a close that finds nothing booked publishes nothing.
 */
@Service
public class CancelAppointments {

	private static final Logger log = LoggerFactory.getLogger(CancelAppointments.class);

	private final Appointments appointments;

	private final ClosedReferrals closedReferrals;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final WaitingList waitingList;

	private final Allocation allocation;

	private final ClinicCalendar calendar;

	CancelAppointments(Appointments appointments, ClosedReferrals closedReferrals, ApplicationEventPublisher events,
			Clock clock, WaitingList waitingList, Allocation allocation, ClinicCalendar calendar) {
		this.appointments = appointments;
		this.calendar = calendar;
		this.waitingList = waitingList;
		this.allocation = allocation;
		this.closedReferrals = closedReferrals;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public void referralClosed(String referralId, String outcome, Instant closedAt) {
		if (!ClosingPolicy.cancelsBookings(outcome)) {
			return;
		}
		// The calendar first, as every booking takes it: a close and a pass over the
		// waiting list then never hold each other's rows.
		appointments.lockCalendar();
		closedReferrals.record(referralId, outcome, closedAt);
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		List<WaitingReferral> waiting = waitingList.openOf(referralId);
		if (waitingList.remove(referralId, now) > 0) {
			for (WaitingReferral entry : waiting) {
				events.publishEvent(new ReferralLeftWaitingList(UUID.randomUUID().toString(), referralId,
						entry.purpose(), ReferralLeftWaitingList.REFERRAL_CLOSED, outcome, now));
			}
			log.info("Referral {} closed {} and leaves the waiting list", referralId, outcome);
		}
		// Only what is still to come, counted in the clinic's days: an exam that already
		// took place is part of the record, and the letter must not tell the referrer the
		// patient need not attend it.
		List<CancelledAppointment> cancelled = appointments.cancelBooked(referralId, calendar.dateOf(now), now);
		if (cancelled.isEmpty()) {
			log.info("Referral {} closed {} with nothing booked", referralId, outcome);
			return;
		}
		events.publishEvent(new BookingsCancelled(UUID.randomUUID().toString(), referralId, outcome, cancelled, now));
		log.info("Cancelled {} appointment(s) of referral {} closed {}", cancelled.size(), referralId, outcome);
		// The freed slots go to whoever waits, in the same transaction.
		allocation.serveWaitingList();
	}

}
