package org.prolo.portal.listing;

import java.util.regex.Pattern;

import org.prolo.portal.intake.ReferralListQuery;
import org.prolo.referralstatus.ReferralStatus;
import org.prolo.portal.web.FieldErrors;

/**
 * The list's page, status filter and reference search as the browser sent them (page from
 * 1, as people count), checked before intake is asked.
 *
 * @param status a status code, or null for all
 * @param reference a prefix of the physician's own reference, or null for all
 */
public record ListFilter(int page, String status, String reference) {

	static final int PAGE_SIZE = 20;

	static final int MAX_PAGE = 10_000;

	static final int MAX_REFERENCE_LENGTH = 40;

	private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9 ._/-]{1," + MAX_REFERENCE_LENGTH + "}");

	/** The filter, or the errors that stop it from being used. */
	record Checked(ListFilter filter, FieldErrors errors) {
	}

	static Checked of(String page, String status, String reference) {
		var errors = FieldErrors.builder();
		int number = 1;
		String typedPage = blankAsNull(page);
		if (typedPage != null) {
			try {
				number = Integer.parseInt(typedPage);
			}
			catch (NumberFormatException ex) {
				number = 0;
			}
			if (number < 1 || number > MAX_PAGE) {
				errors.add("page", null, "Page must be a whole number from 1 to " + MAX_PAGE + ".");
				number = 1;
			}
		}
		String code = blankAsNull(status);
		if (code != null && ReferralStatus.of(code).isEmpty()) {
			errors.add("status", null, "Status must be one of the statuses in the list.");
			code = null;
		}
		String prefix = blankAsNull(reference);
		if (prefix != null && !REFERENCE.matcher(prefix).matches()) {
			errors.add("reference", null, "Your reference can only have up to " + MAX_REFERENCE_LENGTH
					+ " letters, digits, spaces or . _ / -.");
			prefix = null;
		}
		return new Checked(new ListFilter(number, code, prefix), errors.build());
	}

	ReferralListQuery query() {
		return new ReferralListQuery(this.page - 1, PAGE_SIZE, this.status, this.reference);
	}

	public boolean filtered() {
		return this.status != null || this.reference != null;
	}

	private static String blankAsNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
