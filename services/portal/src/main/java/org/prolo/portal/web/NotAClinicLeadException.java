package org.prolo.portal.web;

/** A signed-in person who is not in group clinic-leads opened the overview. */
class NotAClinicLeadException extends RuntimeException {

	NotAClinicLeadException() {
		super("The overview is for clinic leads");
	}

}
