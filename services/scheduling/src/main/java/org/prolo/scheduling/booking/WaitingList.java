package org.prolo.scheduling.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Referrals that found no free slot within the horizon and wait for capacity; implemented
 * by an adapter. An entry stays as history once served or removed.
 */
public interface WaitingList {

	/**
	 * @return true when this call put the referral on the list, false when it waited
	 */
	boolean add(WaitingEntry entry);

	boolean isWaiting(String referralId, Purpose purpose);

	/**
	 * Open entries for the purpose in the order they are served: urgent referrals first,
	 * then the longest waiting.
	 */
	List<WaitingEntry> inServiceOrder(Purpose purpose, int limit);

	/** Every open entry in service order, with what staff need to work it. */
	List<WaitingReferral> open();

	/** The referral's open entries (exam or course). */
	List<WaitingReferral> openOf(String referralId);

	/** The referral's open entry, if it waits. */
	Optional<WaitingEntry> entry(String referralId, Purpose purpose);

	void served(String referralId, Purpose purpose, Instant bookedAt);

	/** A close ends the wait; @return how many entries it closed */
	int remove(String referralId, Instant removedAt);

	/**
	 * Ends the wait for one purpose, as when the exam happened while the referral still
	 * waited for it; @return how many entries it closed
	 */
	int remove(String referralId, Purpose purpose, Instant removedAt);

	/**
	 * Whether the referral ever waited for the purpose, served or removed since: an entry
	 * removed because the exam happened must keep a later copy of the acceptance from
	 * booking the exam again.
	 */
	boolean everWaited(String referralId, Purpose purpose);

	/** Urgency learned from the referral's submission, which may come after the entry. */
	void urgency(String referralId, boolean urgent);

	/**
	 * Length and oldest entry of the list, per purpose; purposes with nobody waiting are
	 * absent.
	 */
	Map<Purpose, Backlog> backlog();

	/**
	 * One referral waiting for a booking.
	 *
	 * @param course the plan to book, for a course; null for an exam
	 * @param plannedOn the day the course was planned; null for an exam
	 */
	record WaitingEntry(String referralId, Purpose purpose, boolean urgent, Instant waitlistedAt, CoursePlan course,
			LocalDate plannedOn) {

		public static WaitingEntry exam(String referralId, boolean urgent, Instant waitlistedAt) {
			return new WaitingEntry(referralId, Purpose.EXAM, urgent, waitlistedAt, null, null);
		}

		public static WaitingEntry course(String referralId, boolean urgent, Instant waitlistedAt, CoursePlan course,
				LocalDate plannedOn) {
			return new WaitingEntry(referralId, Purpose.COURSE, urgent, waitlistedAt, course, plannedOn);
		}

	}

	/**
	 * An open entry as staff see it: the pseudonym only, never the patient's name.
	 *
	 * @param patientPseudonym null until the referral's submission has been read
	 * @param urgency ROUTINE or URGENT
	 */
	record WaitingReferral(String referralId, Purpose purpose, String patientPseudonym, String urgency,
			Instant waitlistedAt) {
	}

	record Backlog(int length, Instant oldest) {
	}

}
