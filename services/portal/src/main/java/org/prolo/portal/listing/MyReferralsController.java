package org.prolo.portal.listing;

import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.prolo.platform.security.Caller;
import org.prolo.portal.PortalProperties;
import org.prolo.portal.intake.IntakeClient;
import org.prolo.portal.intake.ReferralList;
import org.prolo.referralstatus.ReferralStatus;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * GET / : a page of the physician's referrals, as intake lists them for the physician,
 * optionally one status or a search by the physician's own reference.
 */
@Controller
class MyReferralsController {

	private final IntakeClient intake;

	private final PortalProperties properties;

	MyReferralsController(IntakeClient intake, PortalProperties properties) {
		this.intake = intake;
		this.properties = properties;
	}

	@GetMapping("/")
	String myReferrals(@RequestParam(required = false) String page, @RequestParam(required = false) String status,
			@RequestParam(required = false) String reference, Caller caller, Model model,
			HttpServletResponse response) {
		ListFilter.Checked checked = ListFilter.of(page, status, reference);
		ListFilter filter = checked.filter();
		model.addAttribute("filter", filter);
		model.addAttribute("statuses", Arrays.asList(ReferralStatus.values()));
		model.addAttribute("errors", checked.errors());
		if (checked.errors().any()) {
			model.addAttribute("referrals", List.of());
			model.addAttribute("pages", Pages.none());
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "referrals/list";
		}
		ReferralList list = this.intake.referralsOf(caller.id(), filter.query());
		model.addAttribute("referrals",
				list.referrals()
					.stream()
					.map(referral -> ReferralRow.of(referral, this.properties.timeZone()))
					.toList());
		model.addAttribute("pages", Pages.of(filter, list.total()));
		return "referrals/list";
	}

}
