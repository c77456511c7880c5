package org.prolo.workflow.inbound;

import java.nio.charset.StandardCharsets;

final class EventIds {

	private EventIds() {
	}

	/**
	 * The CloudEvents id header as text; null when absent, which ProcessedEvents refuses.
	 */
	static String text(byte[] header) {
		return (header != null) ? new String(header, StandardCharsets.UTF_8) : null;
	}

}
