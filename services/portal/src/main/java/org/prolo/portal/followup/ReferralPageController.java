package org.prolo.portal.followup;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.prolo.portal.PortalProperties;
import org.prolo.platform.security.problems.FieldProblem;
import org.prolo.portal.intake.IntakeClient;
import org.prolo.portal.intake.InvalidInputException;
import org.prolo.portal.intake.ReferralNotFoundException;
import org.prolo.portal.intake.ReferralStateConflictException;
import org.prolo.portal.web.FieldErrors;
import org.prolo.portal.web.Redirects;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * GET /referrals/{id} shows one referral; its forms POST the answer to the clinic's
 * question and the withdrawal to intake and come back here (Post/Redirect/Get).
 */
@Controller
class ReferralPageController {

	static final String VIEW = "referrals/detail";

	static final String CONFIRMATION = "confirmation";

	static final String NOTICE = "notice";

	// Intake's ids are R- and a UUID; anything else is no referral of this physician's.
	private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,100}");

	private final IntakeClient intake;

	private final PortalProperties properties;

	ReferralPageController(IntakeClient intake, PortalProperties properties) {
		this.intake = intake;
		this.properties = properties;
	}

	@GetMapping("/referrals/{id}")
	String show(@PathVariable String id, Model model) {
		return page(model, id, null, null, FieldErrors.none());
	}

	@PostMapping("/referrals/{id}/information")
	Object answer(@PathVariable String id, @RequestParam(required = false) String answer, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		requireReferralId(id);
		try {
			this.intake.answer(id, answer);
			redirect.addFlashAttribute(CONFIRMATION, "Your answer was sent to the clinic.");
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(model, id, answer, null, errors(ex.errors(), "answer", "Your answer"));
		}
		catch (ReferralStateConflictException ex) {
			redirect.addFlashAttribute(NOTICE, "The clinic is no longer waiting for an answer on this referral, "
					+ "so your answer was not sent.");
		}
		return Redirects.seeOther("/referrals/{id}");
	}

	@PostMapping("/referrals/{id}/withdrawal")
	Object withdraw(@PathVariable String id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String confirm, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		requireReferralId(id);
		if (!"yes".equals(confirm)) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(model, id, null, reason,
					FieldErrors.builder()
						.add("confirm", null, "Tick the box to confirm that you want to withdraw this referral.")
						.build());
		}
		try {
			this.intake.withdraw(id, (reason != null && !reason.isBlank()) ? reason.strip() : null);
			redirect.addFlashAttribute(CONFIRMATION, "The referral was withdrawn.");
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(model, id, null, reason, errors(ex.errors(), "reason", "Reason for withdrawing"));
		}
		catch (ReferralStateConflictException ex) {
			redirect.addFlashAttribute(NOTICE, "This referral is already closed, so it was not withdrawn.");
		}
		return Redirects.seeOther("/referrals/{id}");
	}

	private String page(Model model, String id, String answer, String reason, FieldErrors errors) {
		requireReferralId(id);
		var referral = ReferralPage.of(this.intake.referral(id), this.properties.timeZone());
		model.addAttribute("referral", referral);
		model.addAttribute("timeline", this.intake.timeline(id)
			.map(entries -> entries.stream().map(entry -> TimelineRow.of(entry, this.properties.timeZone())).toList())
			.orElse(null));
		model.addAttribute("answer", answer);
		model.addAttribute("reason", reason);
		model.addAttribute("errors", errors);
		return VIEW;
	}

	private static void requireReferralId(String id) {
		if (!ID.matcher(id).matches()) {
			throw new ReferralNotFoundException();
		}
	}

	/** Intake's errors for the one field of a form, the rest in the summary only. */
	private static FieldErrors errors(List<FieldProblem> problems, String field, String label) {
		FieldErrors.Builder errors = FieldErrors.builder();
		for (FieldProblem problem : problems) {
			boolean ours = field.equals(problem.field());
			String message = String.valueOf(problem.message());
			String sentence = (message.equals("must not be blank") || message.equals("must not be null"))
					? label + " is required." : (ours ? label : String.valueOf(problem.field())) + " " + message + ".";
			errors.add(ours ? field : null, null, sentence);
		}
		if (problems.isEmpty()) {
			errors.add(field, null, label + " was not accepted by the clinic's referral service.");
		}
		return errors.build();
	}

}
