package org.prolo.workflow.inspection;

/**
 * No such referral, or no such job or dead letter of this referral (answered 404).
 */
class NotFoundException extends RuntimeException {

	private final String title;

	NotFoundException(String title, String detail) {
		super(detail);
		this.title = title;
	}

	String title() {
		return title;
	}

}
