package org.prolo.imaging.worklist;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.prolo.imaging.order.Findings;
import org.prolo.imaging.order.ImagingOrder;
import org.prolo.imaging.order.Modality;
import org.prolo.imaging.order.OrderAlreadyReportedException;
import org.prolo.imaging.order.OrderNotFoundException;
import org.prolo.imaging.order.OrderStatus;
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

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

// The slice does not load the shared security auto-configuration by itself; with it and
// the service's rules the controller is tested behind the production filter chain.
@WebMvcTest(WorklistController.class)
@ImportAutoConfiguration(ProloSecurityAutoConfiguration.class)
@Import({ TestTokens.Decoder.class, WorklistAccessRules.class })
class WorklistControllerTests {

	private static final ImagingOrder ORDER = ImagingOrder.open("o-1", "ref-1", "pt-1", Modality.XRAY, "right knee",
			"Grade?", Instant.parse("2025-11-03T09:15:00Z"));

	@Autowired
	MockMvc mvc;

	@MockitoBean
	RadiologyWorklist worklist;

	@Test
	void listsOrdersByStatus() throws Exception {
		given(worklist.orders(OrderStatus.OPEN)).willReturn(List.of(ORDER));

		mvc.perform(get("/api/imaging-orders").param("status", "OPEN").header(HttpHeaders.AUTHORIZATION, coordinator()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].id").value("o-1"))
			.andExpect(jsonPath("$[0].modality").value("XRAY"))
			.andExpect(jsonPath("$[0].status").value("OPEN"))
			.andExpect(jsonPath("$[0].requestedAt").value("2025-11-03T09:15:00Z"));
	}

	@Test
	void rejectsUnknownStatusAsProblem() throws Exception {
		mvc.perform(get("/api/imaging-orders").param("status", "LOST").header(HttpHeaders.AUTHORIZATION, coordinator()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("status"));
	}

	@Test
	void answersUnknownOrderWith404Problem() throws Exception {
		given(worklist.order("nope")).willThrow(new OrderNotFoundException("nope"));

		mvc.perform(get("/api/imaging-orders/nope").header(HttpHeaders.AUTHORIZATION, coordinator()))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404));
	}

	@Test
	void reportsAnOrder() throws Exception {
		Findings findings = Findings.of(true, "FRACTURE", false, null, "Fracture.");
		given(worklist.report("o-1", findings))
			.willReturn(ORDER.report(findings, Instant.parse("2025-11-04T10:00:00Z")));

		mvc.perform(post("/api/imaging-orders/o-1/report").header(HttpHeaders.AUTHORIZATION, radiology())
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"""
							{"redFlag":true,"redFlagKind":"FRACTURE","fullThicknessTear":false,"osteoarthritisGrade":null,"report":"Fracture."}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REPORTED"))
			.andExpect(jsonPath("$.findings.redFlagKind").value("FRACTURE"));
	}

	@Test
	void namesEveryBadFieldOfAReport() throws Exception {
		mvc.perform(post("/api/imaging-orders/o-1/report").header(HttpHeaders.AUTHORIZATION, radiology())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"redFlag":true,"fullThicknessTear":false,"osteoarthritisGrade":5,"report":""}"""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field")
				.value(containsInAnyOrder("redFlagKind", "osteoarthritisGrade", "report")));
		verifyNoInteractions(worklist);
	}

	@Test
	void namesAFieldOfTheWrongJsonType() throws Exception {
		mvc.perform(post("/api/imaging-orders/o-1/report").header(HttpHeaders.AUTHORIZATION, radiology())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"redFlag":"maybe","fullThicknessTear":false,"report":"x"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("redFlag"));
	}

	@Test
	void answersSecondReportWith409Problem() throws Exception {
		given(worklist.report(eq("o-1"), any())).willThrow(new OrderAlreadyReportedException("o-1"));

		mvc.perform(post("/api/imaging-orders/o-1/report").header(HttpHeaders.AUTHORIZATION, radiology())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"redFlag":false,"fullThicknessTear":false,"report":"Normal."}"""))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	/** Reads the worklist. */
	private static String coordinator() {
		return TestTokens.user("carl", Roles.CLINICAL_COORDINATORS);
	}

	/** The external radiology system, which reports. */
	private static String radiology() {
		return TestTokens.client("radiology", Roles.IMAGING_REPORT);
	}

}
