package org.prolo.intake.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import org.prolo.referralstatus.ReferralStatus;
import org.prolo.referralstatus.ShownStatus;
import org.prolo.referralstatus.StatusProgression;

/**
 * A physician's referral of one patient for prolotherapy. Immutable: every change returns
 * the referral as it is afterwards, and goes through {@link StatusProgression}.
 *
 * @param openQuestion the question of a pending request for information, while
 * INFO_REQUESTED
 * @param outcome how it ended, once closed (or rejected at triage)
 * @param referrerReference the physician's own reference for the referral (their case or
 * order number), optional
 * @param courseWait whether the planned course's sessions wait for dates, as scheduling
 * last said; beside the status, which a planned course closes for good
 */
public record Referral(String id, Referrer referrer, Patient patient, ClinicalFindings clinical, Urgency urgency,
		String notes, Instant submittedAt, ReferralStatus status, String openQuestion, Outcome outcome,
		String referrerReference, CourseWait courseWait) {

	public Referral {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(status, "status");
		courseWait = (courseWait != null) ? courseWait : CourseWait.NONE;
	}

	/** A referral whose course scheduling has not put on its waiting list. */
	public Referral(String id, Referrer referrer, Patient patient, ClinicalFindings clinical, Urgency urgency,
			String notes, Instant submittedAt, ReferralStatus status, String openQuestion, Outcome outcome,
			String referrerReference) {
		this(id, referrer, patient, clinical, urgency, notes, submittedAt, status, openQuestion, outcome,
				referrerReference, CourseWait.NONE);
	}

	/** A referral without a reference of the physician's own. */
	public Referral(String id, Referrer referrer, Patient patient, ClinicalFindings clinical, Urgency urgency,
			String notes, Instant submittedAt, ReferralStatus status, String openQuestion, Outcome outcome) {
		this(id, referrer, patient, clinical, urgency, notes, submittedAt, status, openQuestion, outcome, null);
	}

	/**
	 * Accepts a draft that satisfies the {@link SubmissionPolicy}.
	 * @throws InvalidReferralException naming every broken rule otherwise
	 */
	public static Referral submit(String id, ReferralDraft draft, String generatedPseudonym, Instant now) {
		Instant submittedAt = now.truncatedTo(ChronoUnit.MILLIS);
		var violations = SubmissionPolicy.violationsOf(draft, LocalDate.ofInstant(submittedAt, ZoneOffset.UTC));
		if (!violations.isEmpty()) {
			throw new InvalidReferralException(violations);
		}
		String pseudonym = (draft.patientPseudonym() != null) ? draft.patientPseudonym() : generatedPseudonym;
		return new Referral(id, new Referrer(draft.referrerId(), draft.referrerName(), draft.referrerEmail()),
				new Patient(pseudonym, draft.patientName(), draft.patientBirthDate(), draft.patientAddress()),
				new ClinicalFindings(Condition.valueOf(draft.condition()), draft.bodySite(), draft.painDurationMonths(),
						draft.priorConservativeCare(), draft.anticoagulated(), draft.allergyToInjectate(),
						draft.pregnant(), draft.uncontrolledDiabetes(), draft.activeInfectionAtSite(),
						draft.malignancyAtSite()),
				Urgency.valueOf(draft.urgency()), draft.notes(), submittedAt, ReferralStatus.SUBMITTED, null, null,
				draft.referrerReference());
	}

	/**
	 * The physician withdraws the referral; it closes at once.
	 * @throws ReferralStateConflictException when it is already closed
	 */
	public Referral withdraw(String reason, Instant at) {
		if (!StatusProgression.permits(status, ReferralStatus.WITHDRAWN)) {
			throw new ReferralStateConflictException(id, status, "it is already closed");
		}
		return new Referral(id, referrer, patient, clinical, urgency, notes, submittedAt, ReferralStatus.WITHDRAWN,
				null, new Outcome(ReferralStatus.WITHDRAWN, null, reason, at.truncatedTo(ChronoUnit.MILLIS)),
				referrerReference, courseWait.cleared());
	}

	/**
	 * The physician answers the pending request for information; triage resumes.
	 * @throws ReferralStateConflictException when no request is pending
	 */
	public Referral answerInformationRequest() {
		if (status != ReferralStatus.INFO_REQUESTED) {
			throw new ReferralStateConflictException(id, status, "no request for information is pending");
		}
		return new Referral(id, referrer, patient, clinical, urgency, notes, submittedAt, ReferralStatus.TRIAGE, null,
				outcome, referrerReference, courseWait);
	}

	/**
	 * Follows the workflow. Progress whose {@link ReferralProgress#change()} does not
	 * concern the current status, or that the {@link StatusProgression} rules forbid
	 * (late, stale or repeated), leaves the referral as it is, except that a closing that
	 * confirms the status it already has fills in the outcome if it was unknown.
	 */
	public Referral progress(ReferralProgress progress) {
		ReferralStatus target = progress.target();
		if (!progress.change().concerns(status, target)) {
			return this;
		}
		if (!StatusProgression.permits(status, target)) {
			return confirming(progress);
		}
		// Java 17: no pattern matching for switch yet.
		if (progress instanceof ReferralProgress.Triaged t) {
			return moveTo(target, (target == ReferralStatus.INFO_REQUESTED) ? t.noteToReferrer() : null,
					(target == ReferralStatus.REJECTED)
							? new Outcome(target, t.reasonCode(), t.noteToReferrer(), t.triagedAt()) : null);
		}
		if (progress instanceof ReferralProgress.InformationRequested r) {
			return moveTo(target, r.question(), null);
		}
		if (progress instanceof ReferralProgress.Closed c) {
			return moveTo(target, null, new Outcome(target, c.reasonCode(), c.noteToReferrer(), c.closedAt()));
		}
		return moveTo(target, null, null);
	}

	/**
	 * Scheduling put the planned course on its waiting list at {@code at}: its sessions
	 * wait for dates. An older or repeated report changes nothing (see
	 * {@link CourseWait}), nor does one for a referral closed without a course.
	 */
	public Referral courseWaitlisted(Instant at) {
		if (endsWithoutCourse(status)) {
			return this;
		}
		return withCourseWait(courseWait.waitlisted(at));
	}

	/**
	 * The planned course left scheduling's waiting list at {@code at}: its sessions were
	 * booked, or it was taken off.
	 */
	public Referral courseWaitEnded(Instant at) {
		return withCourseWait(courseWait.ended(at));
	}

	/** The status with what the referral waits for, as its physician sees it. */
	public ShownStatus shown() {
		return ShownStatus.of(status, courseWait.waiting());
	}

	private static boolean endsWithoutCourse(ReferralStatus status) {
		return status.isClosed() && status != ReferralStatus.COURSE_PLANNED;
	}

	private Referral withCourseWait(CourseWait changed) {
		return new Referral(id, referrer, patient, clinical, urgency, notes, submittedAt, status, openQuestion, outcome,
				referrerReference, changed);
	}

	private Referral confirming(ReferralProgress progress) {
		if (status != progress.target()) {
			return this;
		}
		if (progress instanceof ReferralProgress.InformationRequested r && r.question() != null) {
			// Triage's INFO_REQUESTED may come before the request that carries the
			// question.
			return moveTo(status, r.question(), outcome);
		}
		if (progress instanceof ReferralProgress.Closed c && outcome == null) {
			return moveTo(status, null, new Outcome(status, c.reasonCode(), c.noteToReferrer(), c.closedAt()));
		}
		return this;
	}

	private Referral moveTo(ReferralStatus target, String question, Outcome newOutcome) {
		return new Referral(id, referrer, patient, clinical, urgency, notes, submittedAt, target, question,
				(newOutcome != null) ? newOutcome : outcome, referrerReference,
				endsWithoutCourse(target) ? courseWait.cleared() : courseWait);
	}

	@Override
	public String toString() {
		return "Referral[" + id + ", " + status + ", " + patient + "]";
	}

}
