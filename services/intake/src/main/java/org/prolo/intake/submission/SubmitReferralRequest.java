package org.prolo.intake.submission;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
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
import org.prolo.intake.referral.ReferralAccessDeniedException;
import org.prolo.intake.referral.ReferralDraft;
import org.prolo.intake.referral.SubmissionPolicy;

/**
 * The body of POST /api/referrals. The annotations check the shape and describe it in
 * OpenAPI; {@link ConformsToSubmissionPolicy} adds the domain's rules, so one answer
 * names every bad field. The referrer is the signed-in physician: what the body leaves
 * out of it is taken from the sign-in ({@link #inNameOf}), what it gives must agree.
 */
@ConformsToSubmissionPolicy
@Schema(name = "SubmitReferralRequest")
public record SubmitReferralRequest(
		@Valid @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED,
				description = "Optional: the signed-in physician, from the access token's sub, name and email; "
						+ "a value given must be the token's") Referrer referrer,
		@NotNull @Valid Patient patient,
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
				requiredMode = Schema.RequiredMode.NOT_REQUIRED) String notes,
		// Left out of the idempotency hash when absent, so a key stored before the field
		// existed still recognises its retry.
		@JsonInclude(JsonInclude.Include.NON_NULL) @Size(max = SubmissionPolicy.MAX_REFERENCE_LENGTH) @Pattern(
				regexp = "[A-Za-z0-9][A-Za-z0-9 ._/-]*",
				message = "must be letters, digits, spaces or . _ / -, starting with a letter or digit") @Schema(
						requiredMode = Schema.RequiredMode.NOT_REQUIRED,
						description = "Optional: the physician's own reference (case or order number), to find the "
								+ "referral again in their list",
						example = "KNEE-2026-0042") String referrerReference){

	/** A request without a reference of the physician's own. */
	public SubmitReferralRequest(Referrer referrer, Patient patient, String condition, String bodySite,
			Integer painDurationMonths, Boolean priorConservativeCare, Boolean anticoagulated,
			Boolean allergyToInjectate, Boolean pregnant, Boolean uncontrolledDiabetes, Boolean activeInfectionAtSite,
			Boolean malignancyAtSite, String urgency, String notes) {
		this(referrer, patient, condition, bodySite, painDurationMonths, priorConservativeCare, anticoagulated,
				allergyToInjectate, pregnant, uncontrolledDiabetes, activeInfectionAtSite, malignancyAtSite, urgency,
				notes, null);
	}

	/**
	 * Each part optional: the token's sub, name and email when left out.
	 */
	public record Referrer(
			@Size(max = SubmissionPolicy.MAX_TEXT_LENGTH) @Schema(example = "dr-ada",
					requiredMode = Schema.RequiredMode.NOT_REQUIRED) String id,
			@Size(max = SubmissionPolicy.MAX_TEXT_LENGTH) @Schema(example = "Dr Ada Lovelace",
					requiredMode = Schema.RequiredMode.NOT_REQUIRED) String name,
			@Email @Size(max = SubmissionPolicy.MAX_TEXT_LENGTH) @Schema(example = "ada@referrers.example",
					requiredMode = Schema.RequiredMode.NOT_REQUIRED) String email) {
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
	 * The request in the name of the signed-in physician: letters about the referral go
	 * to the address the identity service vouches for, never to one a body names. The
	 * referrer's id, name and e-mail address the body leaves out are the sign-in's; a
	 * name or address it gives must be the sign-in's (the name with surrounding spaces
	 * ignored, the address in any case), as must an id, checked first.
	 * @param signedIn the token's sub, name and email (either of the last two may be
	 * missing from a token)
	 * @throws ReferralAccessDeniedException naming the field that is not the sign-in's,
	 * or that the sign-in does not carry
	 */
	public SubmitReferralRequest inNameOf(org.prolo.intake.referral.Referrer signedIn) {
		Referrer given = (referrer != null) ? referrer : new Referrer(null, null, null);
		if (given.id() != null && !given.id().equals(signedIn.id())) {
			throw new ReferralAccessDeniedException("referrer.id",
					"must be your own id (" + signedIn.id() + "): physicians refer in their own name");
		}
		String name = ownOrSignedIn("referrer.name", "name", given.name(), signedIn.name(), false);
		String email = ownOrSignedIn("referrer.email", "e-mail address", given.email(), signedIn.email(), true);
		return new SubmitReferralRequest(new Referrer(signedIn.id(), name, email), patient, condition, bodySite,
				painDurationMonths, priorConservativeCare, anticoagulated, allergyToInjectate, pregnant,
				uncontrolledDiabetes, activeInfectionAtSite, malignancyAtSite, urgency, notes, referrerReference);
	}

	private static String ownOrSignedIn(String field, String what, String given, String signedIn, boolean ignoreCase) {
		if (signedIn == null || signedIn.isBlank()) {
			throw new ReferralAccessDeniedException(field, "cannot be taken from your sign-in, which carries no " + what
					+ ": ask the clinic to record it with your account");
		}
		if (given == null) {
			return signedIn;
		}
		boolean same = ignoreCase ? given.strip().equalsIgnoreCase(signedIn.strip())
				: given.strip().equals(signedIn.strip());
		if (!same) {
			throw new ReferralAccessDeniedException(field, "must be the " + what + " of your sign-in (" + signedIn
					+ ") or left out: letters about the referral go to the physician who signed in");
		}
		return signedIn;
	}

	/**
	 * Whether the policy's complaint about this field is only that the body left it to
	 * the sign-in: the referrer's parts it leaves out are filled in before submitting.
	 */
	boolean leavesToSignIn(String field) {
		if (referrer == null) {
			return field.equals("referrer") || field.startsWith("referrer.");
		}
		return switch (field) {
			case "referrer.id" -> referrer.id() == null;
			case "referrer.name" -> referrer.name() == null;
			case "referrer.email" -> referrer.email() == null;
			default -> false;
		};
	}

	/**
	 * The request as a domain draft; missing parts stay missing for the policy to name.
	 */
	public ReferralDraft toDraft() {
		Referrer r = (referrer != null) ? referrer : new Referrer(null, null, null);
		Patient p = (patient != null) ? patient : new Patient(null, null, null, null);
		return new ReferralDraft(r.id(), r.name(), r.email(), p.pseudonym(), p.name(), p.birthDate(), p.address(),
				condition, bodySite, painDurationMonths, priorConservativeCare, anticoagulated, allergyToInjectate,
				pregnant, uncontrolledDiabetes, activeInfectionAtSite, malignancyAtSite, urgency, notes,
				referrerReference);
	}

	@Override
	public String toString() {
		return "SubmitReferralRequest[" + toDraft() + "]";
	}

}
