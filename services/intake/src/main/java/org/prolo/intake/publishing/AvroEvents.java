package org.prolo.intake.publishing;

import org.prolo.events.ReferralInfoProvided;
import org.prolo.events.ReferralSubmitted;
import org.prolo.events.ReferralWithdrawn;
import org.prolo.intake.referral.InformationWasProvided;
import org.prolo.intake.referral.ReferralWasSubmitted;
import org.prolo.intake.referral.ReferralWasWithdrawn;

/** Domain events to the published Avro contracts (schemas/events). */
final class AvroEvents {

	private AvroEvents() {
	}

	/**
	 * The pseudonym stands for the patient: name, birth date and address are not in the
	 * domain event either.
	 */
	static ReferralSubmitted submitted(ReferralWasSubmitted event) {
		var clinical = event.clinical();
		return ReferralSubmitted.newBuilder()
			.setReferralId(event.referralId())
			.setSubmittedAt(event.submittedAt())
			.setReferrerId(event.referrer().id())
			.setReferrerName(event.referrer().name())
			.setReferrerEmail(event.referrer().email())
			.setPatientPseudonym(event.patientPseudonym())
			.setCondition(clinical.condition().name())
			.setBodySite(clinical.bodySite())
			.setPainDurationMonths(clinical.painDurationMonths())
			.setPriorConservativeCare(clinical.priorConservativeCare())
			.setAnticoagulated(clinical.anticoagulated())
			.setAllergyToInjectate(clinical.allergyToInjectate())
			.setPregnant(clinical.pregnant())
			.setUncontrolledDiabetes(clinical.uncontrolledDiabetes())
			.setActiveInfectionAtSite(clinical.activeInfectionAtSite())
			.setMalignancyAtSite(clinical.malignancyAtSite())
			.setUrgency(event.urgency().name())
			.build();
	}

	static ReferralWithdrawn withdrawn(ReferralWasWithdrawn event) {
		return ReferralWithdrawn.newBuilder()
			.setReferralId(event.referralId())
			.setWithdrawnAt(event.withdrawnAt())
			.setReferrerId(event.referrerId())
			.setReason(event.reason())
			.build();
	}

	static ReferralInfoProvided infoProvided(InformationWasProvided event) {
		return ReferralInfoProvided.newBuilder()
			.setReferralId(event.referralId())
			.setProvidedAt(event.providedAt())
			.setAnswer(event.answer())
			.build();
	}

}
