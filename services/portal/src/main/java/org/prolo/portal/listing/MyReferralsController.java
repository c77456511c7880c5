package org.prolo.portal.listing;

import org.prolo.platform.security.Caller;
import org.prolo.portal.PortalProperties;
import org.prolo.portal.intake.IntakeClient;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** GET / : the physician's referrals, as intake lists them for the physician. */
@Controller
class MyReferralsController {

	private final IntakeClient intake;

	private final PortalProperties properties;

	MyReferralsController(IntakeClient intake, PortalProperties properties) {
		this.intake = intake;
		this.properties = properties;
	}

	@GetMapping("/")
	String myReferrals(Caller caller, Model model) {
		model.addAttribute("referrals",
				this.intake.referralsOf(caller.id())
					.stream()
					.map(referral -> ReferralRow.of(referral, this.properties.timeZone()))
					.toList());
		return "referrals/list";
	}

}
