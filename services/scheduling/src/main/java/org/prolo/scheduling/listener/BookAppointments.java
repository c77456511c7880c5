package org.prolo.scheduling.listener;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.prolo.calendar.ClinicCalendar;
import org.prolo.platform.events.ProcessedEvents;
import org.prolo.scheduling.booking.Appointment;
import org.prolo.scheduling.booking.Appointments;
import org.prolo.scheduling.booking.BookingSessions;
import org.prolo.scheduling.booking.ClosedReferrals;
import org.prolo.scheduling.booking.CoursePlan;
import org.prolo.scheduling.booking.Purpose;
import org.prolo.scheduling.booking.SessionsBooked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases: book the exam of an accepted referral; book every session of a planned
 * course. Each runs in one transaction with the idempotency record and the outbox entry.
 */
@Service
public class BookAppointments {

	private static final Logger log = LoggerFactory.getLogger(BookAppointments.class);

	private final BookingSessions bookingSessions;

	private final Appointments appointments;

	private final ClosedReferrals closedReferrals;

	private final ProcessedEvents processedEvents;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ClinicCalendar calendar;

	BookAppointments(BookingSessions bookingSessions, Appointments appointments, ClosedReferrals closedReferrals,
			ProcessedEvents processedEvents, ApplicationEventPublisher events, Clock clock, ClinicCalendar calendar) {
		this.bookingSessions = bookingSessions;
		this.appointments = appointments;
		this.closedReferrals = closedReferrals;
		this.processedEvents = processedEvents;
		this.events = events;
		this.clock = clock;
		this.calendar = calendar;
	}

	@Transactional
	public void bookExam(String eventId, String referralId) {
		if (!firstTime(eventId, "org.prolo.events.ReferralTriaged", referralId, Purpose.EXAM)) {
			return;
		}
		Appointment exam = bookingSessions.bookExam(referralId, today(), appointments::bookedOn);
		store(referralId, Purpose.EXAM, List.of(exam));
	}

	@Transactional
	public void bookCourse(String eventId, String referralId, Instant plannedAt, int sessions, int intervalWeeks) {
		if (!firstTime(eventId, "org.prolo.events.CoursePlanned", referralId, Purpose.COURSE)) {
			return;
		}
		CoursePlan plan = new CoursePlan(sessions, intervalWeeks);
		// A plan consumed late is still booked from today on, never in the past.
		LocalDate plannedOn = calendar.dateOf(plannedAt);
		LocalDate from = plannedOn.isBefore(today()) ? today() : plannedOn;
		store(referralId, Purpose.COURSE, bookingSessions.bookCourse(referralId, from, plan, appointments::bookedOn));
	}

	private boolean firstTime(String eventId, String eventType, String referralId, Purpose purpose) {
		if (!processedEvents.firstDelivery(eventId, eventType)) {
			log.info("Dropping redelivered event {} for referral {}", eventId, referralId);
			return false;
		}
		// A plan or acceptance consumed after the close (a replayed dead letter, say)
		// books nothing: the referral's open work has ended.
		if (closedReferrals.isClosed(referralId)) {
			log.info("Referral {} is closed; {} event {} books nothing", referralId, purpose, eventId);
			return false;
		}
		// The same fact published again under a new event id (e.g. after a workflow
		// restart) books nothing.
		if (appointments.hasBookings(referralId, purpose)) {
			log.info("Referral {} already has {} bookings; event {} ignored", referralId, purpose, eventId);
			return false;
		}
		return true;
	}

	private void store(String referralId, Purpose purpose, List<Appointment> booked) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		appointments.add(booked, now);
		events.publishEvent(new SessionsBooked(UUID.randomUUID().toString(), referralId, purpose, booked, now));
		log.info("Booked {} {} appointment(s) for referral {}: {}", booked.size(), purpose, referralId,
				booked.stream().map(Appointment::date).toList());
	}

	private LocalDate today() {
		return calendar.today(clock);
	}

}
