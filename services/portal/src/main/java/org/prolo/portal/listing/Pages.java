package org.prolo.portal.listing;

import java.util.Optional;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where the list is among its pages, and the links to the pages before and after, which
 * keep the filter.
 *
 * @param previous link to the page before, or null on the first
 * @param next link to the page after, or null on the last
 */
public record Pages(int current, int last, long total, String previous, String next) {

	static Pages none() {
		return new Pages(1, 1, 0, null, null);
	}

	static Pages of(ListFilter filter, long total) {
		int last = (int) Math.max(1, (total + ListFilter.PAGE_SIZE - 1) / ListFilter.PAGE_SIZE);
		int current = filter.page();
		return new Pages(current, last, total, (current > 1) ? link(filter, Math.min(current - 1, last)) : null,
				(current < last) ? link(filter, current + 1) : null);
	}

	/** Whether there is more than one page, so the page links are worth showing. */
	public boolean several() {
		return this.last > 1 || this.current > 1;
	}

	private static String link(ListFilter filter, int page) {
		return UriComponentsBuilder.fromPath("/")
			.queryParam("page", page)
			.queryParamIfPresent("status", Optional.ofNullable(filter.status()))
			.queryParamIfPresent("reference", Optional.ofNullable(filter.reference()))
			.encode()
			.build()
			.toUriString();
	}

}
