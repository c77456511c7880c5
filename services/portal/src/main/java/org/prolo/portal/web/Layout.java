package org.prolo.portal.web;

import org.prolo.platform.security.CurrentCaller;
import org.prolo.platform.security.Roles;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the page header shows on every page: who is signed in, and for clinic leads the
 * link to their overview.
 */
@ControllerAdvice
class Layout {

	static final String SIGNED_IN_AS = "signedInAs";

	static final String CLINIC_LEAD = "clinicLead";

	@ModelAttribute(SIGNED_IN_AS)
	String signedInAs() {
		return Profile.current().displayName();
	}

	@ModelAttribute(CLINIC_LEAD)
	boolean clinicLead() {
		return isClinicLead();
	}

	static boolean isClinicLead() {
		return CurrentCaller.get().map(caller -> caller.inGroup(Roles.CLINIC_LEADS)).orElse(false);
	}

}
