package org.prolo.timeline.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.prolo.platform.security.ProloSecurityAutoConfiguration;
import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.TestTokens;
import org.prolo.timeline.kpi.KpiReport;
import org.prolo.timeline.kpi.StageFigures;
import org.prolo.timeline.store.KpiReporter;
import org.prolo.timeline.store.TimelineRecorder;
import org.prolo.timeline.store.TimelineRecorder.Timeline;
import org.prolo.timeline.timeline.EventKind;
import org.prolo.referralstatus.ReferralStatus;
import org.prolo.timeline.timeline.TimelineEntry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

// The slice does not load the shared security auto-configuration by itself; with it and
// the service's rules the controllers are tested behind the production filter chain.
@WebMvcTest({ TimelineController.class, KpiController.class })
@ImportAutoConfiguration(ProloSecurityAutoConfiguration.class)
@Import({ TestTokens.Decoder.class, TimelineAccessRules.class })
class TimelineControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	TimelineRecorder timelines;

	@MockitoBean
	KpiReporter kpis;

	@Test
	void showsTheTimelineWithStatusAndFhirStatus() throws Exception {
		given(timelines.timelineOf("R-1001")).willReturn(Optional.of(new Timeline("R-1001", ReferralStatus.ACCEPTED,
				List.of(new TimelineEntry("e1", "R-1001", EventKind.REFERRAL_TRIAGED,
						Instant.parse("2025-05-02T14:30:00Z"), "/prolo/workflow", "Triaged: ACCEPTED by ingrid",
						ReferralStatus.ACCEPTED)))));

		mvc.perform(get("/api/referrals/R-1001/timeline").header(HttpHeaders.AUTHORIZATION, workflowService()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.referralId").value("R-1001"))
			.andExpect(jsonPath("$.status").value("ACCEPTED"))
			.andExpect(jsonPath("$.fhirStatus").value("in-progress"))
			.andExpect(jsonPath("$.entries[0].at").value("2025-05-02T14:30:00Z"))
			.andExpect(jsonPath("$.entries[0].type").value("ReferralTriaged"))
			.andExpect(jsonPath("$.entries[0].summary").value("Triaged: ACCEPTED by ingrid"))
			.andExpect(jsonPath("$.entries[0].source").value("/prolo/workflow"));
	}

	@Test
	void answersAnUnknownReferralWithA404Problem() throws Exception {
		given(timelines.timelineOf("R-404")).willReturn(Optional.empty());

		mvc.perform(get("/api/referrals/R-404/timeline").header(HttpHeaders.AUTHORIZATION, workflowService()))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Referral not found"))
			.andExpect(jsonPath("$.referralId").value("R-404"));
	}

	@Test
	void rejectsAMalformedReferralIdWithAProblemNamingIt() throws Exception {
		mvc.perform(get("/api/referrals/{id}/timeline", "R <1>").header(HttpHeaders.AUTHORIZATION, workflowService()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("id"));
	}

	@Test
	void reportsTheKeyFigures() throws Exception {
		given(kpis.report()).willReturn(
				new KpiReport(List.of(new StageFigures("triage", 2, 7.0, 9.4)), Map.of("COURSE_PLANNED", 1L), 3, 1));

		mvc.perform(get("/api/kpis").header(HttpHeaders.AUTHORIZATION, clinicLead()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stages[0].stage").value("triage"))
			.andExpect(jsonPath("$.stages[0].medianHours").value(7.0))
			.andExpect(jsonPath("$.stages[0].p90Hours").value(9.4))
			.andExpect(jsonPath("$.outcomes.COURSE_PLANNED").value(1))
			.andExpect(jsonPath("$.open").value(1));
	}

	/**
	 * The workflow's inspection page reads timelines with its client-credentials token.
	 */
	private static String workflowService() {
		return TestTokens.client("workflow", Roles.TIMELINE_READ);
	}

	private static String clinicLead() {
		return TestTokens.user("leo", Roles.CLINIC_LEADS);
	}

}
