package org.prolo.portal.web;

/** A signed-in person who is not in group physician opened a portal page. */
class NotAPhysicianException extends RuntimeException {

	NotAPhysicianException() {
		super("The portal is for referring physicians");
	}

}
