package org.prolo.notification.web;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.prolo.notification.letter.LetterKind;
import org.prolo.notification.outbox.Letters;
import org.prolo.notification.outbox.StoredLetter;
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

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

// The slice does not load the shared security auto-configuration by itself; with it and
// the service's rules the controller is tested behind the production filter chain.
@WebMvcTest(LettersController.class)
@ImportAutoConfiguration(ProloSecurityAutoConfiguration.class)
@Import({ TestTokens.Decoder.class, NotificationAccessRules.class })
class LettersControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Letters letters;

	@Test
	void listsTheLettersOfAReferralWithTheirDeliveryStatus() throws Exception {
		Instant at = Instant.parse("2025-05-02T09:15:00Z");
		given(letters.ofReferral("R-1001")).willReturn(List.of(
				new StoredLetter("L-1", "ce-1", "R-1001", "dr-ada", LetterKind.ACCEPTED, "dr.ada@clinic.example",
						"Referral R-1001: accepted", "Dear ...", at, at, at),
				new StoredLetter("L-2", "ce-2", "R-1001", "dr-ada", LetterKind.CLOSED, "dr.ada@clinic.example",
						"Referral R-1001: closed: REJECTED", "Dear ...", at, null, null)));

		mvc.perform(get("/api/letters").param("referralId", "R-1001").header(HttpHeaders.AUTHORIZATION, clinician()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[0].kind").value("ACCEPTED"))
			.andExpect(jsonPath("$[0].status").value("NOTIFIED"))
			.andExpect(jsonPath("$[0].causationEventId").value("ce-1"))
			.andExpect(jsonPath("$[1].status").value("PENDING"));
	}

	@Test
	void rejectsABlankReferralIdWithAProblemNamingTheField() throws Exception {
		mvc.perform(get("/api/letters").param("referralId", " ").header(HttpHeaders.AUTHORIZATION, clinician()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("referralId"))
			.andExpect(jsonPath("$.errors[0].message").isNotEmpty());
	}

	@Test
	void rejectsAMissingReferralIdWithAProblem() throws Exception {
		mvc.perform(get("/api/letters").header(HttpHeaders.AUTHORIZATION, clinician()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("referralId"));
	}

	/** Any staff group may read a referral's letters. */
	private static String clinician() {
		return TestTokens.user("clara", Roles.CLINICIANS);
	}

}
