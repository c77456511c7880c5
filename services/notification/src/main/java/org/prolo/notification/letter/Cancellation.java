package org.prolo.notification.letter;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One thing a close cancelled: a booked appointment (EXAM or a COURSE session, with its
 * number and day) or an imaging order (IMAGING, with the order id).
 */
public record Cancellation(String what, int number, LocalDate date, String orderId) {

	public static final String EXAM = "EXAM";

	public static final String COURSE = "COURSE";

	public static final String IMAGING = "IMAGING";

	public Cancellation {
		Objects.requireNonNull(what, "what");
	}

	public static Cancellation appointment(String purpose, int number, LocalDate date) {
		return new Cancellation(purpose, number, date, null);
	}

	public static Cancellation imagingOrder(String orderId) {
		return new Cancellation(IMAGING, 0, null, orderId);
	}

	/** One line of text per cancellation, for keeping a letter until it is written. */
	public static String encode(List<Cancellation> cancellations) {
		return cancellations.stream()
			.map(c -> IMAGING.equals(c.what()) ? IMAGING + "," + c.orderId()
					: c.what() + "," + c.number() + "," + c.date())
			.collect(Collectors.joining(";"));
	}

	public static List<Cancellation> decode(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.split(";"))
			.map(item -> item.split(","))
			.map(parts -> IMAGING.equals(parts[0]) ? imagingOrder(parts[1])
					: appointment(parts[0], Integer.parseInt(parts[1]), LocalDate.parse(parts[2])))
			.toList();
	}

}
