package org.prolo.portal.waitinglist;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.prolo.platform.security.Caller;
import org.prolo.platform.security.Roles;
import org.prolo.portal.PortalProperties;
import org.prolo.portal.figures.AddedSlots;
import org.prolo.portal.figures.ClinicFigures;
import org.prolo.portal.figures.Fetched;
import org.prolo.portal.figures.SlotsAnswer;
import org.prolo.portal.figures.WaitingReferral;
import org.prolo.portal.web.FieldErrors;
import org.prolo.portal.web.Redirects;
import org.prolo.portal.web.Shown;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * GET /waiting-list shows the list (clinic leads and intake coordinators), POST
 * /waiting-list/slots adds slots on a day (clinic leads only; both enforced in
 * {@code web.PortalWebConfiguration}) and redirects back with what scheduling booked.
 */
@Controller
class WaitingListController {

	static final String VIEW = "waiting-list";

	private final ClinicFigures scheduling;

	private final ZoneId zone;

	WaitingListController(ClinicFigures scheduling, PortalProperties properties) {
		this.scheduling = scheduling;
		this.zone = properties.timeZone();
	}

	@GetMapping("/waiting-list")
	String waitingList(Caller caller, Model model) {
		return page(model, caller, SlotsForm.blank(), FieldErrors.none());
	}

	@PostMapping("/waiting-list/slots")
	Object addSlots(@RequestParam(required = false) String date, @RequestParam(required = false) String slots,
			Caller caller, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		SlotsForm form = new SlotsForm(date, slots);
		SlotsForm.Checked checked = form.check();
		if (checked.errors().any()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(model, caller, form, checked.errors());
		}
		SlotsAnswer answer = this.scheduling.addSlots(checked.date(), checked.slots());
		if (answer.added() != null) {
			redirect.addFlashAttribute("confirmation", confirmation(answer.added(), checked.slots()));
			return Redirects.seeOther("/waiting-list");
		}
		if (!answer.refused().isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(model, caller, form, SlotsForm.refused(answer.refused()));
		}
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		return page(model, caller, form, FieldErrors.builder().add(null, null, answer.failedBecause()).build());
	}

	private String page(Model model, Caller caller, SlotsForm form, FieldErrors errors) {
		Fetched<List<WaitingReferral>> waiting = this.scheduling.waitingList();
		model.addAttribute("list", waiting.present() ? WaitingListPage.of(waiting.figures(), this.zone)
				: WaitingListPage.missing(waiting.missingBecause()));
		// Shown to clinic leads only; the POST is refused to anyone else all the same.
		model.addAttribute("canAddSlots", caller.inGroup(Roles.CLINIC_LEADS));
		model.addAttribute("slotsForm", form);
		model.addAttribute("errors", errors);
		model.addAttribute("maxSlots", SlotsForm.MAX_SLOTS);
		// Exams are never booked for today; scheduling has the last word on closed days.
		model.addAttribute("earliestDay", LocalDate.now(this.zone).plusDays(1).toString());
		return VIEW;
	}

	static String confirmation(AddedSlots added, int slots) {
		String day = Shown.of(added.date()).text();
		String slotsAdded = (slots == 1) ? "1 slot added" : slots + " slots added";
		int booked = added.booked().size();
		if (booked == 0) {
			return slotsAdded + " on " + day + ". No referral was waiting for "
					+ ((slots == 1) ? "it; it is" : "them; they are") + " free for the next referrals accepted.";
		}
		// Usually on that day; a waiting course's later sessions go where they fall.
		String referrals = (booked == 1) ? "1 waiting referral" : booked + " waiting referrals";
		return slotsAdded + " on " + day + ": " + referrals + " booked (" + String.join(", ", added.booked()) + ").";
	}

}
