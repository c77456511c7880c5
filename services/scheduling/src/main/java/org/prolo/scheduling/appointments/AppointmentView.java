package org.prolo.scheduling.appointments;

import java.time.Instant;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import org.prolo.scheduling.booking.Appointments.BookedAppointment;

@Schema(description = "A booked appointment of a referral")
record AppointmentView(String referralId, @Schema(allowableValues = {
		"EXAM", "COURSE" }) String purpose, @Schema(description = "1-based session number") int number, LocalDate date,
		Instant bookedAt, @Schema(description = "When a close without a course cancelled it; absent while booked",
				nullable = true) Instant cancelledAt){

	static AppointmentView of(BookedAppointment booked) {
		var a = booked.appointment();
		return new AppointmentView(a.referralId(), a.purpose().name(), a.number(), a.date(), booked.bookedAt(),
				booked.cancelledAt());
	}

}
