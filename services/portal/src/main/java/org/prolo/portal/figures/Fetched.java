package org.prolo.portal.figures;

/**
 * Figures a service answered, or why they are missing.
 *
 * @param figures null when missing
 * @param missingBecause what went wrong, in words for the page; null when there are
 * figures
 */
public record Fetched<T>(T figures, String missingBecause) {

	public static <T> Fetched<T> of(T figures) {
		return new Fetched<>(figures, null);
	}

	public static <T> Fetched<T> missing(String because) {
		return new Fetched<>(null, because);
	}

	public boolean present() {
		return this.figures != null;
	}

}
