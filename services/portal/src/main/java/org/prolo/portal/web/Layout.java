package org.prolo.portal.web;

import java.util.List;

import org.prolo.platform.security.Caller;
import org.prolo.platform.security.CurrentCaller;
import org.prolo.platform.security.Roles;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the page header shows on every page: who is signed in, whether these are the
 * physicians' or the staff's pages, and the links to the staff pages the person may open.
 */
@ControllerAdvice
class Layout {

	static final String SIGNED_IN_AS = "signedInAs";

	static final String STAFF = "staff";

	static final String CLINIC_LEAD = "clinicLead";

	static final String WAITING_LIST_WORKER = "waitingListWorker";

	/**
	 * Who works the waiting list: intake coordinators read it, clinic leads also add
	 * slots.
	 */
	static final List<String> WAITING_LIST_GROUPS = List.of(Roles.CLINIC_LEADS, Roles.INTAKE_COORDINATORS);

	@ModelAttribute(SIGNED_IN_AS)
	String signedInAs() {
		return Profile.current().displayName();
	}

	@ModelAttribute(STAFF)
	boolean staff() {
		return isStaff();
	}

	@ModelAttribute(CLINIC_LEAD)
	boolean clinicLead() {
		return isClinicLead();
	}

	@ModelAttribute(WAITING_LIST_WORKER)
	boolean waitingListWorker() {
		return isWaitingListWorker();
	}

	static boolean isStaff() {
		return CurrentCaller.get().map(Caller::isStaff).orElse(false);
	}

	static boolean isClinicLead() {
		return GroupsOnly.inAnyOf(List.of(Roles.CLINIC_LEADS));
	}

	static boolean isWaitingListWorker() {
		return GroupsOnly.inAnyOf(WAITING_LIST_GROUPS);
	}

}
