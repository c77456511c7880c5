package org.prolo.portal.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The errors of a form after a failed submit: one message per field, shown next to it,
 * and the error summary at the top of the page, whose links lead to the fields.
 */
public final class FieldErrors {

	private static final FieldErrors NONE = new FieldErrors(Map.of(), List.of());

	private final Map<String, String> byField;

	private final List<SummaryItem> summary;

	private FieldErrors(Map<String, String> byField, List<SummaryItem> summary) {
		this.byField = byField;
		this.summary = summary;
	}

	public static FieldErrors none() {
		return NONE;
	}

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A service's terse message about a field (Bean Validation's "must not be null") as a
	 * sentence about it.
	 */
	public static String sentence(String label, String message) {
		String text = String.valueOf(message);
		if (text.equals("must not be null") || text.equals("must not be blank")) {
			return label + " is required.";
		}
		return label + " " + text + (text.endsWith(".") ? "" : ".");
	}

	public boolean any() {
		return !this.summary.isEmpty();
	}

	public boolean has(String field) {
		return this.byField.containsKey(field);
	}

	public String message(String field) {
		return this.byField.get(field);
	}

	/** The id of the field's error message, for aria-describedby; null without one. */
	public String errorId(String field) {
		return has(field) ? field + "-error" : null;
	}

	/**
	 * The value of aria-describedby: the field's hint (if it has one) and its error (if
	 * any); null when there is neither, so that the attribute is left out.
	 */
	public String describedBy(String field, String hintId) {
		String error = errorId(field);
		if (hintId == null) {
			return error;
		}
		return (error != null) ? hintId + " " + error : hintId;
	}

	public List<SummaryItem> summary() {
		return this.summary;
	}

	/**
	 * One line of the error summary.
	 *
	 * @param href the link to the field ("#id"), null for a problem that belongs to no
	 * field on the page
	 */
	public record SummaryItem(String href, String text) {
	}

	public static final class Builder {

		private final Map<String, String> byField = new LinkedHashMap<>();

		private final List<SummaryItem> summary = new ArrayList<>();

		private Builder() {
		}

		/**
		 * @param field the form field's name and id, null when the problem belongs to no
		 * field of the form
		 * @param anchor the id to link to (the first radio button of a group), null for
		 * the field itself
		 * @param text the sentence shown next to the field and in the summary; the first
		 * problem of a field wins
		 */
		public Builder add(String field, String anchor, String text) {
			if (field != null && this.byField.containsKey(field)) {
				return this;
			}
			if (field != null) {
				this.byField.put(field, text);
			}
			String target = (anchor != null) ? anchor : field;
			this.summary.add(new SummaryItem((target != null) ? "#" + target : null, text));
			return this;
		}

		public FieldErrors build() {
			return this.summary.isEmpty() ? NONE : new FieldErrors(Map.copyOf(this.byField), List.copyOf(this.summary));
		}

	}

}
