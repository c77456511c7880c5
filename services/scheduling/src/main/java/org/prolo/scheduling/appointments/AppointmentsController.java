package org.prolo.scheduling.appointments;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.prolo.scheduling.booking.Appointments;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Appointments", description = "Exam and course sessions booked on clinic working days")
class AppointmentsController {

	private final Appointments appointments;

	AppointmentsController(Appointments appointments) {
		this.appointments = appointments;
	}

	@GetMapping(path = "/api/referrals/{referralId}/appointments", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "A referral's bookings",
			description = "Exam first, then the course in session order. Empty while nothing is booked: scheduling "
					+ "learns of a referral only when it is accepted.")
	@ApiResponse(responseCode = "200", description = "The bookings", content = @Content(
			mediaType = MediaType.APPLICATION_JSON_VALUE,
			examples = @ExampleObject(name = "exam and course",
					value = """
							[{"referralId":"ref-2025-000123","purpose":"EXAM","number":1,"date":"2025-12-22","bookedAt":"2025-12-19T10:00:00Z"},
							 {"referralId":"ref-2025-000123","purpose":"COURSE","number":1,"date":"2025-12-29","bookedAt":"2025-12-19T15:30:00Z"},
							 {"referralId":"ref-2025-000123","purpose":"COURSE","number":2,"date":"2026-01-26","bookedAt":"2025-12-19T15:30:00Z"}]""")))
	@ApiResponse(responseCode = "400", description = "Not a referral id (1 to 64 of A-Z a-z 0-9 . _ : -)",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class), examples = @ExampleObject(
							value = """
									{"type":"about:blank","title":"Bad Request","status":400,"instance":"/api/referrals/%20/appointments"}""")))
	List<AppointmentView> list(@Parameter(description = "The referral id",
			example = "ref-2025-000123") @PathVariable @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}") String referralId) {
		return appointments.of(referralId).stream().map(AppointmentView::of).toList();
	}

}
