package org.prolo.notification.outbox;

import java.time.LocalDate;

/** A booked appointment a close cancelled, as scheduling reports it. */
public record CancelledBooking(String purpose, int number, LocalDate date) {
}
