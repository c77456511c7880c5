package org.prolo.intake.submission;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.prolo.intake.referral.ReferralDraft;
import org.prolo.intake.referral.SubmissionPolicy;

/**
 * The body of POST /api/referrals. The annotations check the shape and describe it in
 * OpenAPI; {@link ConformsToSubmissionPolicy} adds the domain's rules, so one answer
 * names every bad field.
 */
@ConformsToSubmissionPolicy
@Schema(name = "SubmitReferralRequest")
public record SubmitReferralRequest(@NotNull @Valid Referrer referrer, @NotNull @Valid Patient patient,
		@NotBlank @Schema(description = "One of the 13 conditions of the clinic's policy", allowableValues = {
				"LOW_BACK_PAIN", "DEGENERATIVE_DISC_DISEASE", "SACROILIAC_JOINT_PAIN", "NECK_PAIN", "WHIPLASH",
				"KNEE_OSTEOARTHRITIS", "HIP_OSTEOARTHRITIS", "HAND_OSTEOARTHRITIS", "LATERAL_EPICONDYLOSIS",
				"ROTATOR_CUFF_TENDINOPATHY", "ACHILLES_TENDINOPATHY", "PLANTAR_FASCIOPATHY", "OTHER" },
				example = "KNEE_OSTEOARTHRITIS") String condition,
		@NotBlank @Size(max = SubmissionPolicy.MAX_TEXT_LENGTH) @Schema(example = "left knee") String bodySite,
		@NotNull @Min(0) @Max(SubmissionPolicy.MAX_PAIN_DURATION_MONTHS) @Schema(
				example = "9") Integer painDurationMonths,
		@NotNull @Schema(
				description = "Exercise/physiotherapy or medication tried for at least 6 weeks") Boolean priorConservativeCare,
		@NotNull Boolean anticoagulated, @NotNull Boolean allergyToInjectate, @NotNull Boolean pregnant,
		@NotNull Boolean uncontrolledDiabetes, @NotNull Boolean activeInfectionAtSite,
		@NotNull Boolean malignancyAtSite,
		@NotBlank @Schema(allowableValues = { "ROUTINE", "URGENT" }, example = "ROUTINE") String urgency,
		@Size(max = SubmissionPolicy.MAX_NOTES_LENGTH) @Schema(
				requiredMode = Schema.RequiredMode.NOT_REQUIRED) String notes){

	public record Referrer(
			@NotBlank @Size(max = SubmissionPolicy.MAX_TEXT_LENGTH) @Schema(example = "dr-ada") String id,
			@NotBlank @Size(max = SubmissionPolicy.MAX_TEXT_LENGTH) @Schema(example = "Dr Ada Lovelace") String name,
			@NotBlank @Email @Size(max = SubmissionPolicy.MAX_TEXT_LENGTH) @Schema(
					example = "ada@referrers.example") String email) {
	}

	public record Patient(
			@Pattern(regexp = "[A-Za-z0-9-]{3,64}") @Schema(
					description = "Optional; generated as P- and 8 hex digits when absent",
					requiredMode = Schema.RequiredMode.NOT_REQUIRED, example = "P-1a2b3c4d") String pseudonym,
			@NotBlank @Size(max = SubmissionPolicy.MAX_TEXT_LENGTH) @Schema(example = "Demo Patient 1") String name,
			@NotNull @Past @Schema(example = "1970-01-01") LocalDate birthDate, @NotBlank @Size(
					max = SubmissionPolicy.MAX_ADDRESS_LENGTH) @Schema(example = "1 Demo Street") String address) {

		@Override
		public String toString() {
			return "Patient[" + pseudonym + "]";
		}

	}

	/**
	 * The request as a domain draft; missing parts stay missing for the policy to name.
	 */
	public ReferralDraft toDraft() {
		Referrer r = (referrer != null) ? referrer : new Referrer(null, null, null);
		Patient p = (patient != null) ? patient : new Patient(null, null, null, null);
		return new ReferralDraft(r.id(), r.name(), r.email(), p.pseudonym(), p.name(), p.birthDate(), p.address(),
				condition, bodySite, painDurationMonths, priorConservativeCare, anticoagulated, allergyToInjectate,
				pregnant, uncontrolledDiabetes, activeInfectionAtSite, malignancyAtSite, urgency, notes);
	}

	@Override
	public String toString() {
		return "SubmitReferralRequest[" + toDraft() + "]";
	}

}
