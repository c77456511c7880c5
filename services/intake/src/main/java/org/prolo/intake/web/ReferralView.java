package org.prolo.intake.web;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.prolo.intake.referral.Referral;

/** A referral as its referrer sees it over HTTP. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Referral")
public record ReferralView(@Schema(example = "R-0f8fad5b-d9cb-469f-a165-70867728950e") String id,
		@Schema(example = "INFO_REQUESTED") String status,
		@Schema(description = "FHIR Task.status code of the status", example = "on-hold") String fhirStatus,
		@Schema(description = "What the referral waits for on the clinic's waiting list, as the calendar was full: "
				+ "EXAM (the status is WAITING_FOR_APPOINTMENT) or COURSE (the status is COURSE_PLANNED and the "
				+ "course's sessions have no dates yet); absent while nothing waits",
				example = "COURSE") String waitingFor,
		ReferrerView referrer, PatientView patient, @Schema(example = "KNEE_OSTEOARTHRITIS") String condition,
		@Schema(example = "left knee") String bodySite, @Schema(example = "9") int painDurationMonths,
		boolean priorConservativeCare, boolean anticoagulated, boolean allergyToInjectate, boolean pregnant,
		boolean uncontrolledDiabetes, boolean activeInfectionAtSite, boolean malignancyAtSite,
		@Schema(example = "ROUTINE") String urgency, String notes, Instant submittedAt,
		@Schema(description = "The question of a pending request for information",
				example = "Please attach the latest knee X-ray report.") String openQuestion,
		OutcomeView outcome, @Schema(description = "The physician's own reference, when they gave one",
				example = "KNEE-2026-0042") String referrerReference) {

	public static ReferralView of(Referral r) {
		var c = r.clinical();
		var o = r.outcome();
		var shown = r.shown();
		return new ReferralView(r.id(), shown.status().name(), shown.fhirStatus().code(),
				(shown.waitingFor() != null) ? shown.waitingFor().name() : null,
				new ReferrerView(r.referrer().id(), r.referrer().name(), r.referrer().email()),
				new PatientView(r.patient().pseudonym(), r.patient().name(), r.patient().birthDate(),
						r.patient().address()),
				c.condition().name(), c.bodySite(), c.painDurationMonths(), c.priorConservativeCare(),
				c.anticoagulated(), c.allergyToInjectate(), c.pregnant(), c.uncontrolledDiabetes(),
				c.activeInfectionAtSite(), c.malignancyAtSite(), r.urgency().name(), r.notes(), r.submittedAt(),
				r.openQuestion(),
				(o != null) ? new OutcomeView(o.code().name(), o.reasonCode(), o.note(), o.closedAt()) : null,
				r.referrerReference());
	}

	public record ReferrerView(String id, String name, String email) {
	}

	public record PatientView(String pseudonym, String name, LocalDate birthDate, String address) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record OutcomeView(@Schema(example = "NOT_SUITABLE") String code,
			@Schema(example = "NOT_CHRONIC") String reasonCode,
			@Schema(description = "The clinic's note to the referrer, or the referrer's reason for a withdrawal") String note,
			Instant closedAt) {
	}

}
