package org.prolo.scheduling.appointments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.prolo.scheduling.booking.Appointment;
import org.prolo.scheduling.booking.Appointments;
import org.prolo.scheduling.booking.Appointments.BookedAppointment;
import org.prolo.platform.security.ProloSecurityAutoConfiguration;
import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.TestTokens;
import org.prolo.scheduling.booking.Purpose;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.hasSize;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

// The slice does not load the shared security auto-configuration by itself; with it and
// the service's rules the controller is tested behind the production filter chain.
@WebMvcTest(AppointmentsController.class)
@ImportAutoConfiguration(ProloSecurityAutoConfiguration.class)
@Import({ TestTokens.Decoder.class, AppointmentsAccessRules.class })
class AppointmentsControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Appointments appointments;

	@Test
	void listsTheBookingsOfAReferral() throws Exception {
		Instant bookedAt = Instant.parse("2025-12-19T10:00:00Z");
		given(appointments.of("ref-1")).willReturn(List.of(
				new BookedAppointment(new Appointment("ref-1", Purpose.EXAM, 1, LocalDate.of(2025, 12, 22)), bookedAt),
				new BookedAppointment(new Appointment("ref-1", Purpose.COURSE, 1, LocalDate.of(2025, 12, 29)),
						bookedAt)));

		mvc.perform(get("/api/referrals/ref-1/appointments").header(HttpHeaders.AUTHORIZATION, coordinator()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[0].purpose").value("EXAM"))
			.andExpect(jsonPath("$[0].date").value("2025-12-22"))
			.andExpect(jsonPath("$[1].purpose").value("COURSE"))
			.andExpect(jsonPath("$[1].number").value(1))
			.andExpect(jsonPath("$[1].bookedAt").value("2025-12-19T10:00:00Z"));
	}

	@Test
	void answersAnEmptyListWhileNothingIsBooked() throws Exception {
		given(appointments.of("ref-2")).willReturn(List.of());

		mvc.perform(get("/api/referrals/ref-2/appointments").header(HttpHeaders.AUTHORIZATION, coordinator()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void answersUnknownPathWithProblem() throws Exception {
		mvc.perform(get("/api/referrals/ref-1/appointments/extra").header(HttpHeaders.AUTHORIZATION, coordinator()))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	/** Arranges the sessions and reads them. */
	private static String coordinator() {
		return TestTokens.user("carl", Roles.CLINICAL_COORDINATORS);
	}

}
