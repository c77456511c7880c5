package org.prolo.imaging.worklist;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.prolo.imaging.order.OrderStatus;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/imaging-orders", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Radiology worklist", description = "Imaging orders requested by clinicians, and their reports")
class WorklistController {

	static final String ORDER_EXAMPLE = """
			{"id":"5f0c6f7e-2d1b-4a8e-9a55-3c1f0b2d7e11","referralId":"ref-2025-000123","patientPseudonym":"pt-7f3a9c",
			 "modality":"XRAY","bodyRegion":"right knee","clinicalQuestion":"Osteoarthritis grade? Fracture?",
			 "requestedAt":"2025-11-03T09:15:00Z","status":"OPEN","reportedAt":null,"findings":null}""";

	static final String REPORTED_EXAMPLE = """
			{"id":"5f0c6f7e-2d1b-4a8e-9a55-3c1f0b2d7e11","referralId":"ref-2025-000123","patientPseudonym":"pt-7f3a9c",
			 "modality":"XRAY","bodyRegion":"right knee","clinicalQuestion":"Osteoarthritis grade? Fracture?",
			 "requestedAt":"2025-11-03T09:15:00Z","status":"REPORTED","reportedAt":"2025-11-04T14:02:11Z",
			 "findings":{"redFlag":false,"redFlagKind":null,"fullThicknessTear":false,"osteoarthritisGrade":2,
			 "report":"Moderate medial joint space narrowing, small osteophytes."}}""";

	static final String NOT_FOUND_EXAMPLE = """
			{"type":"about:blank","title":"Not Found","status":404,
			 "detail":"No imaging order 5f0c6f7e-2d1b-4a8e-9a55-3c1f0b2d7e11","instance":"/api/imaging-orders/5f0c6f7e-2d1b-4a8e-9a55-3c1f0b2d7e11"}""";

	private final RadiologyWorklist worklist;

	WorklistController(RadiologyWorklist worklist) {
		this.worklist = worklist;
	}

	@GetMapping
	@Operation(summary = "List imaging orders",
			description = "Oldest request first; filter by status, e.g. OPEN for the worklist.")
	@ApiResponse(responseCode = "200", description = "The orders",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					examples = @ExampleObject(name = "open worklist", value = "[" + ORDER_EXAMPLE + "]")))
	@ApiResponse(responseCode = "400", description = "Unknown status", content = @Content(
			mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
			schema = @Schema(implementation = ProblemDetail.class), examples = @ExampleObject(value = """
					{"type":"about:blank","title":"Bad Request","status":400,"detail":"Invalid value for status",
					 "errors":[{"field":"status","message":"must be one of OPEN, REPORTED"}]}""")))
	List<OrderView> list(@Parameter(description = "OPEN or REPORTED; all orders when absent",
			example = "OPEN") @RequestParam(required = false) OrderStatus status) {
		return worklist.orders(status).stream().map(OrderView::of).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One imaging order")
	@ApiResponse(responseCode = "200", description = "The order",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					examples = @ExampleObject(name = "open", value = ORDER_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "No such order",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(value = NOT_FOUND_EXAMPLE)))
	OrderView get(@PathVariable String id) {
		return OrderView.of(worklist.order(id));
	}

	@PostMapping(path = "/{id}/report", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Report on an imaging order",
			description = "Marks the order REPORTED and publishes ImagingReported on imaging.imaging-events. "
					+ "redFlagKind is required when redFlag is true and must be absent otherwise.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
			mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ReportRequest.class),
			examples = { @ExampleObject(name = "no red flag", value = """
					{"redFlag":false,"redFlagKind":null,"fullThicknessTear":false,"osteoarthritisGrade":2,
					 "report":"Moderate medial joint space narrowing, small osteophytes."}"""),
					@ExampleObject(name = "red flag",
							value = """
									{"redFlag":true,"redFlagKind":"FRACTURE","fullThicknessTear":false,"osteoarthritisGrade":null,
									 "report":"Undisplaced fracture of the medial tibial plateau."}""") }))
	@ApiResponse(responseCode = "200", description = "The reported order",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					examples = @ExampleObject(name = "reported", value = REPORTED_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "Invalid findings; every bad field is listed", content = @Content(
			mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
			schema = @Schema(implementation = ProblemDetail.class),
			examples = @ExampleObject(
					value = """
							{"type":"about:blank","title":"Invalid report","status":400,"detail":"The report has 2 invalid fields",
							 "instance":"/api/imaging-orders/5f0c6f7e-2d1b-4a8e-9a55-3c1f0b2d7e11/report",
							 "errors":[{"field":"redFlagKind","message":"is required when redFlag is true"},
							           {"field":"osteoarthritisGrade","message":"must be between 0 and 4 (Kellgren-Lawrence), or null when not graded"}]}""")))
	@ApiResponse(responseCode = "404", description = "No such order",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(value = NOT_FOUND_EXAMPLE)))
	@ApiResponse(responseCode = "409", description = "The order is already reported",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class), examples = @ExampleObject(value = """
							{"type":"about:blank","title":"Conflict","status":409,
							 "detail":"Imaging order 5f0c6f7e-2d1b-4a8e-9a55-3c1f0b2d7e11 is already reported"}""")))
	OrderView report(@PathVariable String id, @RequestBody ReportRequest request) {
		return OrderView.of(worklist.report(id, request.toFindings()));
	}

}
