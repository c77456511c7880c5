package org.prolo.scheduling.waitinglist;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.prolo.calendar.ClinicCalendar;
import org.prolo.scheduling.booking.Appointment;
import org.prolo.scheduling.booking.Appointments;
import org.prolo.scheduling.booking.BookingSessions;
import org.prolo.scheduling.booking.CalendarSnapshot;
import org.prolo.scheduling.booking.Capacity;
import org.prolo.scheduling.booking.CoursePlan;
import org.prolo.scheduling.booking.Purpose;
import org.prolo.scheduling.booking.ReferralWaitlisted;
import org.prolo.scheduling.booking.Referrals;
import org.prolo.scheduling.booking.SessionsBooked;
import org.prolo.scheduling.booking.WaitingList;
import org.prolo.scheduling.booking.WaitingList.WaitingEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way appointments are placed. Every call locks the calendar, reads it once, and
 * serves the waiting list before anything new, so a referral that waited keeps its place
 * ahead of one that arrives later. A referral that finds no free slot within the horizon
 * goes on the waiting list (a business outcome with its own event, never an error).
 */
@Service
public class Allocation {

	private static final Logger log = LoggerFactory.getLogger(Allocation.class);

	/** Exams read from the list per query while they can be booked. */
	private static final int EXAM_PAGE = 50;

	private final BookingSessions bookingSessions;

	private final Appointments appointments;

	private final WaitingList waitingList;

	private final Referrals referrals;

	private final Capacity capacity;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ClinicCalendar calendar;

	Allocation(BookingSessions bookingSessions, Appointments appointments, WaitingList waitingList, Referrals referrals,
			Capacity capacity, ApplicationEventPublisher events, Clock clock, ClinicCalendar calendar) {
		this.bookingSessions = bookingSessions;
		this.appointments = appointments;
		this.waitingList = waitingList;
		this.referrals = referrals;
		this.capacity = capacity;
		this.events = events;
		this.clock = clock;
		this.calendar = calendar;
	}

	/** Books the exam of an accepted referral, or puts it on the waiting list. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void exam(String referralId) {
		Pass pass = open();
		Optional<Appointment> exam = bookingSessions.bookExam(referralId, pass.today, pass.calendar);
		if (exam.isPresent()) {
			book(pass, referralId, Purpose.EXAM, List.of(exam.get()), null);
		}
		else {
			waitlist(pass, WaitingEntry.exam(referralId, referrals.isUrgent(referralId), pass.now));
		}
	}

	/**
	 * Books every session of a planned course, or puts the course on the waiting list.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void course(String referralId, LocalDate plannedOn, CoursePlan plan) {
		Pass pass = open();
		Optional<List<Appointment>> sessions = bookingSessions.bookCourse(referralId, from(plannedOn, pass.today), plan,
				pass.calendar);
		if (sessions.isPresent()) {
			book(pass, referralId, Purpose.COURSE, sessions.get(), null);
		}
		else {
			waitlist(pass, WaitingEntry.course(referralId, referrals.isUrgent(referralId), pass.now, plan, plannedOn));
		}
	}

	/**
	 * Books whoever on the waiting list fits the calendar now: after a cancellation, when
	 * days enter the horizon, after a closed day reopened.
	 * @return the referrals booked
	 */
	@Transactional
	public List<String> serveWaitingList() {
		return open().served;
	}

	/**
	 * Adds slots on a day and books waiting referrals into them at once.
	 * @return the day's extra slots now and the referrals booked
	 */
	@Transactional
	public AddedCapacity addSlots(LocalDate day, int slots) {
		appointments.lockCalendar();
		int extra = capacity.addSlots(day, slots);
		log.info("Added {} slot(s) on {}; {} extra in all", slots, day, extra);
		return new AddedCapacity(day, extra, open().served);
	}

	/** Locks the calendar, reads it, and serves the waiting list first. */
	private Pass open() {
		appointments.lockCalendar();
		LocalDate today = calendar.today(clock);
		Pass pass = new Pass(today, clock.instant().truncatedTo(ChronoUnit.MILLIS),
				new CalendarSnapshot(appointments.bookedFrom(today), capacity.extraSlotsFrom(today)));
		serveExams(pass);
		serveCourses(pass);
		return pass;
	}

	/**
	 * Every exam is due the day after today, so once one waiting exam finds no slot none
	 * behind it can.
	 */
	private void serveExams(Pass pass) {
		while (true) {
			List<WaitingEntry> next = waitingList.inServiceOrder(Purpose.EXAM, EXAM_PAGE);
			for (WaitingEntry entry : next) {
				Optional<Appointment> exam = bookingSessions.bookExam(entry.referralId(), pass.today, pass.calendar);
				if (exam.isEmpty()) {
					return;
				}
				book(pass, entry.referralId(), Purpose.EXAM, List.of(exam.get()), entry.waitlistedAt());
			}
			if (next.size() < EXAM_PAGE) {
				return;
			}
		}
	}

	/** Courses are due on their own plans, so each is tried. */
	private void serveCourses(Pass pass) {
		for (WaitingEntry entry : waitingList.inServiceOrder(Purpose.COURSE, Integer.MAX_VALUE)) {
			bookingSessions
				.bookCourse(entry.referralId(), from(entry.plannedOn(), pass.today), entry.course(), pass.calendar)
				.ifPresent(sessions -> book(pass, entry.referralId(), Purpose.COURSE, sessions, entry.waitlistedAt()));
		}
	}

	private void book(Pass pass, String referralId, Purpose purpose, List<Appointment> booked, Instant waitlistedAt) {
		appointments.add(booked, pass.now);
		pass.calendar.take(booked);
		if (waitlistedAt != null) {
			waitingList.served(referralId, purpose, pass.now);
			pass.served.add(referralId);
		}
		events.publishEvent(
				new SessionsBooked(UUID.randomUUID().toString(), referralId, purpose, booked, pass.now, waitlistedAt));
		log.info("Booked {} {} appointment(s) for referral {}{}: {}", booked.size(), purpose, referralId,
				(waitlistedAt != null) ? " from the waiting list" : "",
				booked.stream().map(Appointment::date).toList());
	}

	private void waitlist(Pass pass, WaitingEntry entry) {
		if (!waitingList.add(entry)) {
			log.info("Referral {} already waits for its {}", entry.referralId(), entry.purpose());
			return;
		}
		events.publishEvent(new ReferralWaitlisted(UUID.randomUUID().toString(), entry.referralId(), entry.purpose(),
				entry.waitlistedAt()));
		log.info("No free slot within {} days: referral {} waits for its {}", BookingSessions.HORIZON_DAYS,
				entry.referralId(), entry.purpose());
	}

	/**
	 * A plan consumed or served late is still booked from today on, never in the past.
	 */
	private static LocalDate from(LocalDate plannedOn, LocalDate today) {
		return plannedOn.isBefore(today) ? today : plannedOn;
	}

	private static final class Pass {

		private final LocalDate today;

		private final Instant now;

		private final CalendarSnapshot calendar;

		private final List<String> served = new ArrayList<>();

		private Pass(LocalDate today, Instant now, CalendarSnapshot calendar) {
			this.today = today;
			this.now = now;
			this.calendar = calendar;
		}

	}

	/**
	 * @param extraSlots the day's extra slots after the addition
	 * @param booked the waiting referrals booked at once
	 */
	public record AddedCapacity(LocalDate date, int extraSlots, List<String> booked) {
	}

}
