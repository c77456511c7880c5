package org.prolo.scheduling.waitinglist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.prolo.calendar.ClinicCalendar;
import org.prolo.scheduling.booking.WaitingList;
import org.prolo.scheduling.booking.WaitingList.WaitingReferral;
import org.prolo.scheduling.waitinglist.Allocation.AddedCapacity;
import org.prolo.platform.security.problems.FieldProblem;
import org.prolo.platform.security.problems.InvalidRequestException;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Waiting list", description = "Referrals waiting for a free slot, and the capacity clinic leads add")
class WaitingListController {

	private final WaitingList waitingList;

	private final Allocation allocation;

	private final ClinicCalendar calendar;

	private final Clock clock;

	WaitingListController(WaitingList waitingList, Allocation allocation, ClinicCalendar calendar, Clock clock) {
		this.waitingList = waitingList;
		this.allocation = allocation;
		this.calendar = calendar;
		this.clock = clock;
	}

	@GetMapping(path = "/api/waiting-list", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Referrals waiting for an appointment",
			description = "Exams, then courses, each in the order they are served: urgent first, then the longest "
					+ "waiting. Patients appear by pseudonym only. Clinic leads and intake coordinators.")
	@ApiResponse(responseCode = "200", description = "The open entries",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(
					value = """
							[{"referralId":"ref-2025-000123","purpose":"EXAM","patientPseudonym":"PSN-7F3A9C","urgency":"URGENT","waitlistedAt":"2025-12-01T09:30:00Z","daysWaiting":18}]""")))
	List<WaitingView> list() {
		Instant now = clock.instant();
		return waitingList.open().stream().map(waiting -> WaitingView.of(waiting, now)).toList();
	}

	@GetMapping(path = "/api/referrals/{referralId}/waiting-list", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Whether a referral waits for an appointment",
			description = "The referral's open waiting-list entries (exam or course); empty when nothing of it "
					+ "waits. Every staff group, like its bookings.")
	List<WaitingView> ofReferral(@Parameter(description = "The referral id",
			example = "ref-2025-000123") @PathVariable @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}") String referralId) {
		Instant now = clock.instant();
		return waitingList.openOf(referralId).stream().map(waiting -> WaitingView.of(waiting, now)).toList();
	}

	@PostMapping(path = "/api/capacity", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Add slots on a day",
			description = "Adds bookable slots on a clinic working day from tomorrow on, on top of the daily "
					+ "capacity, and books waiting referrals into them at once. Clinic leads only.")
	@ApiResponse(responseCode = "200", description = "The day's extra slots and the referrals booked now",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(value = """
					{"date":"2025-12-22","extraSlots":2,"booked":["ref-2025-000123"]}""")))
	@ApiResponse(responseCode = "400",
			description = "No date, slots outside 1 to 50, a day before tomorrow or a day the clinic is closed",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	AddedCapacity addSlots(@Valid @RequestBody SlotsToAdd request) {
		LocalDate tomorrow = calendar.today(clock).plusDays(1);
		if (request.date().isBefore(tomorrow)) {
			throw badRequest("must be tomorrow or later: exams are never booked for today");
		}
		if (!calendar.isWorkingDay(request.date())) {
			throw badRequest("must be a day the clinic works");
		}
		return allocation.addSlots(request.date(), request.slots());
	}

	private static InvalidRequestException badRequest(String message) {
		return new InvalidRequestException(List.of(new FieldProblem("date", message)));
	}

	@Schema(description = "Slots to add on one day")
	record SlotsToAdd(@NotNull LocalDate date, @Min(1) @Max(50) int slots) {
	}

	@Schema(description = "A referral waiting for an appointment")
	record WaitingView(String referralId, @Schema(allowableValues = {
			"EXAM", "COURSE" }) String purpose,
			@Schema(description = "Absent until the referral's submission has been read",
					nullable = true) String patientPseudonym,
			@Schema(allowableValues = { "ROUTINE", "URGENT" }) String urgency, Instant waitlistedAt, long daysWaiting){

		static WaitingView of(WaitingReferral waiting, Instant now) {
			return new WaitingView(waiting.referralId(), waiting.purpose().name(), waiting.patientPseudonym(),
					waiting.urgency(), waiting.waitlistedAt(), Duration.between(waiting.waitlistedAt(), now).toDays());
		}

	}

}
