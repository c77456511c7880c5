package org.prolo.workflow.overdue;

import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.prolo.platform.security.ProloSecurityAutoConfiguration;
import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The overdue-task counts behind the service's real access rules (the shared security and
 * {@link OverdueTasksAccess}): clinic leads read them, nobody else does.
 */
@WebMvcTest(OverdueTasksController.class)
@ImportAutoConfiguration(ProloSecurityAutoConfiguration.class)
@Import({ OverdueTasksAccess.class, TestTokens.Decoder.class })
class OverdueTasksControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	CountingOverdueTasks counting;

	@Test
	void givesAClinicLeadTheCountPerGroupAndInAll() throws Exception {
		Map<String, Long> byGroup = new LinkedHashMap<>();
		byGroup.put(Roles.INTAKE_COORDINATORS, 2L);
		byGroup.put(Roles.CLINICAL_COORDINATORS, 0L);
		byGroup.put(Roles.CLINICIANS, 1L);
		given(counting.count()).willReturn(new OverdueTasks(Instant.parse("2026-12-07T20:00:00Z"), 3, byGroup));

		mvc.perform(
				get("/api/overdue-tasks").header(HttpHeaders.AUTHORIZATION, TestTokens.user("leo", Roles.CLINIC_LEADS)))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.asOf").value("2026-12-07T20:00:00Z"))
			.andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.byCandidateGroup.intake-coordinators").value(2))
			.andExpect(jsonPath("$.byCandidateGroup.clinical-coordinators").value(0))
			.andExpect(jsonPath("$.byCandidateGroup.clinicians").value(1));
	}

	@Test
	void refusesEveryoneButClinicLeads() throws Exception {
		mvc.perform(get("/api/overdue-tasks"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		for (String bearer : List.of(TestTokens.physician("dr-ada"),
				TestTokens.user("ingrid", Roles.INTAKE_COORDINATORS),
				TestTokens.user("carl", Roles.CLINICAL_COORDINATORS), TestTokens.user("clara", Roles.CLINICIANS),
				TestTokens.client("workflow", Roles.TIMELINE_READ))) {
			mvc.perform(get("/api/overdue-tasks").header(HttpHeaders.AUTHORIZATION, bearer))
				.andExpect(status().isForbidden())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		}
		then(counting).shouldHaveNoInteractions();
	}

}
