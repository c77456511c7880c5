package org.prolo.portal.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Post/Redirect/Get with 303 See Other: the browser follows with a GET, so reloading the
 * page it lands on sends nothing again.
 */
public final class Redirects {

	private Redirects() {
	}

	/**
	 * @param path a context-relative path; {name} variables are filled from the redirect
	 * attributes (and encoded)
	 */
	public static RedirectView seeOther(String path) {
		var redirect = new RedirectView(path, true);
		redirect.setStatusCode(HttpStatus.SEE_OTHER);
		redirect.setExposeModelAttributes(false);
		return redirect;
	}

}
