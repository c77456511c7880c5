package org.prolo.timeline.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.prolo.timeline.kpi.KpiReport;
import org.prolo.timeline.kpi.KpiTrend;
import org.prolo.timeline.kpi.MeasuringTrends;
import org.prolo.timeline.store.KpiReporter;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "kpis", description = "How long each stage takes, and how referrals end")
public class KpiController {

	private static final String KPI_EXAMPLE = """
			{"stages":[
			 {"stage":"triage","count":12,"medianHours":20.5,"p90Hours":47.2},
			 {"stage":"history","count":10,"medianHours":30.0,"p90Hours":90.4},
			 {"stage":"exam","count":9,"medianHours":96.0,"p90Hours":200.1},
			 {"stage":"imaging","count":3,"medianHours":120.0,"p90Hours":310.0},
			 {"stage":"suitability","count":8,"medianHours":18.0,"p90Hours":60.0},
			 {"stage":"course planning","count":6,"medianHours":24.0,"p90Hours":70.3}],
			 "outcomes":{"REJECTED":2,"NOT_SUITABLE":1,"WITHDRAWN":1,"COURSE_PLANNED":6,"NO_RESPONSE":0},
			 "referrals":14,"open":4}""";

	private final KpiReporter reporter;

	public KpiController(KpiReporter reporter) {
		this.reporter = reporter;
	}

	@GetMapping(path = "/api/kpis", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(
			summary = "Per stage: completed count, median and 90th percentile duration in hours; referrals per outcome",
			description = """
					A stage lasts from the latest event that opens it to the first event that closes it:
					triage = ReferralSubmitted to ReferralTriaged ACCEPTED/REJECTED (waiting for information included);
					history = ReferralTriaged ACCEPTED to HistoryRecorded; exam = HistoryRecorded to ExamCompleted;
					imaging = ImagingRequested to ImagingReported; suitability = ExamCompleted or a later
					ImagingReported to SuitabilityDecided; course planning = SuitabilityDecided to CoursePlanned.
					Times are the events' CloudEvents times. Only completed stages count; hours are null when
					no referral completed the stage. Percentiles interpolate linearly between closest ranks.""")
	@ApiResponse(responseCode = "200", description = "The key figures",
			content = @Content(schema = @Schema(implementation = KpiReport.class),
					examples = @ExampleObject(name = "kpis", value = KPI_EXAMPLE)))
	public KpiReport kpis() {
		return reporter.report();
	}

	@GetMapping(path = "/api/kpis/trend", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Open referrals per status, and per week each stage's completed count, median and p90 hours",
			description = "For the clinic leads' overview. A stage counts in the week (Monday to Sunday, UTC) of "
					+ "the event that completed it, measured as in /api/kpis; the current week is the last.")
	@ApiResponse(responseCode = "200", description = "The figures",
			content = @Content(schema = @Schema(implementation = KpiTrend.class)))
	@ApiResponse(responseCode = "400", description = "weeks is not between 1 and 52",
			content = @Content(mediaType = "application/problem+json"))
	public KpiTrend trend(@RequestParam(defaultValue = "12") @Min(1) @Max(MeasuringTrends.MAX_WEEKS) int weeks) {
		return reporter.trend(weeks);
	}

}
