package org.prolo.portal.followup;

import java.time.ZoneId;
import java.util.List;

import org.prolo.portal.intake.IntakeReferral;
import org.prolo.portal.referral.Condition;
import org.prolo.referralstatus.ReferralStatus;
import org.prolo.referralstatus.ShownStatus;
import org.prolo.portal.referral.Urgency;
import org.prolo.portal.web.Shown;

/** A referral as its page shows it. */
public record ReferralPage(String id, String status, String fhirStatus, boolean actionNeeded, boolean open,
		Shown submitted, String condition, String bodySite, Integer painDurationMonths, String urgency,
		String patientName, Shown patientBirthDate, String patientPseudonym, String notes, List<Answer> answers,
		String openQuestion, Outcome outcome) {

	static ReferralPage of(IntakeReferral referral, ZoneId zone) {
		var patient = referral.patient();
		var outcome = referral.outcome();
		return new ReferralPage(referral.id(), ShownStatus.wordsFor(referral.status(), referral.waitingFor()),
				referral.fhirStatus(), ReferralStatus.needsAction(referral.status()),
				ReferralStatus.isOpen(referral.status()), Shown.of(referral.submittedAt(), zone),
				Condition.labelFor(referral.condition()), referral.bodySite(), referral.painDurationMonths(),
				Urgency.labelFor(referral.urgency()), (patient != null) ? patient.name() : null,
				(patient != null) ? Shown.of(patient.birthDate()) : null,
				(patient != null) ? patient.pseudonym() : null, referral.notes(),
				List.of(new Answer("Prior conservative care for 6 weeks or more", referral.priorConservativeCare()),
						new Answer("Takes anticoagulants", referral.anticoagulated()),
						new Answer("Allergic to the injectate", referral.allergyToInjectate()),
						new Answer("Pregnant", referral.pregnant()),
						new Answer("Uncontrolled diabetes", referral.uncontrolledDiabetes()),
						new Answer("Active infection at the site", referral.activeInfectionAtSite()),
						new Answer("Malignancy at the site", referral.malignancyAtSite())),
				// Only while it is pending: intake keeps no question once answered.
				ReferralStatus.needsAction(referral.status()) ? referral.openQuestion() : null,
				(outcome != null) ? new Outcome(ReferralStatus.wordsFor(outcome.code()), outcome.reasonCode(),
						outcome.note(), Shown.of(outcome.closedAt(), zone)) : null);
	}

	@Override
	public String toString() {
		return "ReferralPage[" + this.id + "]";
	}

	/** One yes/no answer given at submission. */
	public record Answer(String question, Boolean yes) {

		public String words() {
			if (this.yes == null) {
				return "Not answered";
			}
			return this.yes ? "Yes" : "No";
		}

	}

	/**
	 * @param result the closed status in words
	 * @param reasonCode the clinic's reason code, if any
	 * @param note the clinic's note, or the physician's reason for withdrawing
	 */
	public record Outcome(String result, String reasonCode, String note, Shown closedAt) {
	}

}
