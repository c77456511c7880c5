package org.prolo.portal.web;

/**
 * A signed-in person outside the groups of a staff page or form opened or sent it.
 *
 * @see GroupsOnly
 */
class NotForThisCallerException extends RuntimeException {

	private final String what;

	private final String whoMay;

	NotForThisCallerException(String what, String whoMay) {
		super(what + " is for " + whoMay);
		this.what = what;
		this.whoMay = whoMay;
	}

	String what() {
		return this.what;
	}

	String whoMay() {
		return this.whoMay;
	}

}
