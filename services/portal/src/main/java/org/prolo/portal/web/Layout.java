package org.prolo.portal.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the page header shows on every page: who is signed in. */
@ControllerAdvice
class Layout {

	static final String SIGNED_IN_AS = "signedInAs";

	@ModelAttribute(SIGNED_IN_AS)
	String signedInAs() {
		return Profile.current().displayName();
	}

}
