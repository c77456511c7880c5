package org.prolo.portal.submission;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.prolo.platform.security.Caller;
import org.prolo.portal.PortalProperties;
import org.prolo.portal.intake.IdempotencyKeyReusedException;
import org.prolo.portal.intake.IntakeClient;
import org.prolo.portal.intake.InvalidInputException;
import org.prolo.portal.intake.SubmittedReferral;
import org.prolo.portal.intake.TooManySubmissionsException;
import org.prolo.portal.referral.Condition;
import org.prolo.portal.referral.Urgency;
import org.prolo.portal.web.FieldErrors;
import org.prolo.portal.web.Profile;
import org.prolo.portal.web.Redirects;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * GET /referrals/new shows the form, POST /referrals sends it to intake as the signed-in
 * physician and redirects to the new referral's page.
 */
@Controller
class SubmissionController {

	static final String VIEW = "referrals/new";

	// UUIDs in practice; anything else (a tampered form) gets a fresh key.
	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9-]{16,64}");

	private final IntakeClient intake;

	private final PortalProperties properties;

	SubmissionController(IntakeClient intake, PortalProperties properties) {
		this.intake = intake;
		this.properties = properties;
	}

	@GetMapping("/referrals/new")
	String newReferral(Profile profile, Model model) {
		var form = new ReferralForm();
		form.setIdempotencyKey(newKey());
		form.setReferrerName(profile.name());
		form.setReferrerEmail(profile.email());
		return form(model, form, FieldErrors.none());
	}

	@PostMapping("/referrals")
	Object submit(@ModelAttribute("form") ReferralForm form, Caller caller, Profile profile, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (form.getIdempotencyKey() == null || !KEY.matcher(form.getIdempotencyKey()).matches()) {
			form.setIdempotencyKey(newKey());
		}
		// Intake takes the referrer from the sign-in and refuses another name or address:
		// the fields are read-only, and a tampered form is put right rather than refused.
		form.setReferrerName(profile.name());
		form.setReferrerEmail(profile.email());
		var conversion = SubmissionFields.convert(caller.id(), form);
		try {
			SubmittedReferral submitted = this.intake.submit(conversion.request(), form.getIdempotencyKey());
			redirect.addAttribute("id", submitted.id());
			redirect.addFlashAttribute("confirmation",
					submitted.replayed() ? "This referral had already been submitted; nothing was sent twice."
							: "Referral submitted. The clinic will triage it.");
			return Redirects.seeOther("/referrals/{id}");
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(model, form, SubmissionFields.errors(ex.errors(), conversion.problems()));
		}
		catch (IdempotencyKeyReusedException ex) {
			// The form was sent before with other answers (changed after going back): its
			// key is spent. A new key lets the physician send these answers on purpose.
			form.setIdempotencyKey(newKey());
			response.setStatus(HttpStatus.CONFLICT.value());
			return form(model, form,
					FieldErrors.builder()
						.add(null, null,
								"This form was already used to submit a referral with other answers; see My referrals. "
										+ "Submit again only if you mean to send a second referral.")
						.build());
		}
		catch (TooManySubmissionsException ex) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			String wait = ex.retryAfterSeconds().map(seconds -> " Try again in " + seconds + " seconds.").orElse("");
			return form(model, form,
					FieldErrors.builder()
						.add(null, null, "You have submitted many referrals in a short time." + wait)
						.build());
		}
	}

	private String form(Model model, ReferralForm form, FieldErrors errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("conditions", List.of(Condition.values()));
		model.addAttribute("urgencies", List.of(Urgency.values()));
		model.addAttribute("questions", SubmissionFields.QUESTIONS);
		// Intake wants a birth date in the past: yesterday is the latest it accepts.
		model.addAttribute("latestBirthDate", LocalDate.now(this.properties.timeZone()).minusDays(1).toString());
		model.addAttribute("maxText", SubmissionFields.MAX_TEXT_LENGTH);
		model.addAttribute("maxAddress", SubmissionFields.MAX_ADDRESS_LENGTH);
		model.addAttribute("maxNotes", SubmissionFields.MAX_NOTES_LENGTH);
		model.addAttribute("maxMonths", SubmissionFields.MAX_PAIN_DURATION_MONTHS);
		model.addAttribute("pseudonymPattern", SubmissionFields.PSEUDONYM_PATTERN);
		return VIEW;
	}

	private static String newKey() {
		return UUID.randomUUID().toString();
	}

}
