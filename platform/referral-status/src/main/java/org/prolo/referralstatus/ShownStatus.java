package org.prolo.referralstatus;

import java.util.List;
import java.util.Objects;

/**
 * A referral's status as its physician sees it, with what it waits for: the one place
 * that words the pair and maps it onto the FHIR Task. Intake builds it from what it
 * keeps, the portal from intake's JSON.
 *
 * @param waitingFor null when nothing waits
 */
public record ShownStatus(ReferralStatus status, WaitingFor waitingFor) {

	/**
	 * The CodeSystem of the FHIR Task's businessStatus: the statuses' names, and
	 * {@link #COURSE_WAITING_FOR_DATES}.
	 */
	public static final String BUSINESS_STATUS_SYSTEM = "https://prolo.example/fhir/CodeSystem/referral-status";

	/**
	 * A narrower COURSE_PLANNED: planned, and its sessions wait for dates. The Task's
	 * businessStatus carries it beside COURSE_PLANNED, not instead of it: the codings of
	 * one CodeableConcept encode the same concept, here at two levels of detail, so an
	 * EHR that knows only the statuses still reads COURSE_PLANNED.
	 */
	public static final String COURSE_WAITING_FOR_DATES = "COURSE_PLANNED_WAITING_FOR_DATES";

	static final String COURSE_WAITING_WORDS = "Course of treatment planned; the sessions are waiting for dates: "
			+ "the clinic's calendar is full, you will get a letter with the dates";

	public ShownStatus {
		Objects.requireNonNull(status, "status");
		if (waitingFor != waitingFor(status, waitingFor == WaitingFor.COURSE)) {
			throw new IllegalArgumentException("A referral " + status + " does not wait for " + waitingFor);
		}
	}

	/**
	 * @param courseWaitsForDates whether the planned course's sessions are on the waiting
	 * list
	 */
	public static ShownStatus of(ReferralStatus status, boolean courseWaitsForDates) {
		return new ShownStatus(status, waitingFor(status, courseWaitsForDates));
	}

	/**
	 * The pair in words, from intake's codes: an unknown status is shown as it came, a
	 * wait this side does not know or that does not fit the status is left out.
	 */
	public static String wordsFor(String statusCode, String waitingForCode) {
		return ReferralStatus.of(statusCode)
			.map(status -> of(status, WaitingFor.of(waitingForCode).orElse(null) == WaitingFor.COURSE).words())
			.orElse(String.valueOf(statusCode));
	}

	/**
	 * The course's wait shows only once the referral is COURSE_PLANNED: until the close
	 * arrives the status still says the clinic is assessing, and a referral closed
	 * otherwise has no course to wait for.
	 */
	private static WaitingFor waitingFor(ReferralStatus status, boolean courseWaitsForDates) {
		if (status == ReferralStatus.WAITING_FOR_APPOINTMENT) {
			return WaitingFor.EXAM;
		}
		return (status == ReferralStatus.COURSE_PLANNED && courseWaitsForDates) ? WaitingFor.COURSE : null;
	}

	/** How the portal words it for a physician. */
	public String words() {
		return (this.waitingFor == WaitingFor.COURSE) ? COURSE_WAITING_WORDS : this.status.words();
	}

	/**
	 * The status's own: a waiting course leaves the Task completed, as the referral's
	 * work is done and FHIR lets no completed Task start again.
	 */
	public FhirTaskStatus fhirStatus() {
		return this.status.fhirStatus();
	}

	/**
	 * The codes of the Task's businessStatus in {@link #BUSINESS_STATUS_SYSTEM}: the
	 * status's name first, then {@link #COURSE_WAITING_FOR_DATES} while the course waits.
	 * Its text is {@link #words()}.
	 */
	public List<String> businessStatusCodes() {
		return (this.waitingFor == WaitingFor.COURSE) ? List.of(this.status.name(), COURSE_WAITING_FOR_DATES)
				: List.of(this.status.name());
	}

	/** For logs: the status, and what it waits for if anything. */
	@Override
	public String toString() {
		return this.status + ((this.waitingFor != null) ? " waiting for " + this.waitingFor : "");
	}

}
