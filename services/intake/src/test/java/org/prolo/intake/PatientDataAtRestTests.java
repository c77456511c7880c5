package org.prolo.intake;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.prolo.platform.security.testing.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The patient's identifying data at rest in intake's H2 database: a referral submitted
 * through intake's Referrals port leaves no plain name, birth date or address in its row,
 * and its physician still reads them back over JSON and FHIR.
 */
class PatientDataAtRestTests extends IntakeHttpContext {

	static final List<String> PLAIN_PATIENT = List.of("Demo Patient 1", "1970-01-01", "1 Demo Street");

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theRowHoldsOnlyCiphertextAndThePhysicianReadsThePatient() throws Exception {
		// Stored through the Referrals port, as every submission is (the PostgreSQL test
		// submits over HTTP).
		String id = submittedBy("dr-atrest");

		Map<String, Object> row = jdbc.queryForMap("select * from referral where id = ?", id);
		assertThat(row.values()).extracting(String::valueOf)
			.noneMatch(value -> PLAIN_PATIENT.stream().anyMatch(value::contains));
		assertThat(List.of(row.get("patient_name"), row.get("patient_birth_date"), row.get("patient_address")))
			.allSatisfy(value -> assertThat(value).asString().startsWith("v1:test:"));

		JsonNode read = new ObjectMapper().readTree(mvc
			.perform(
					get("/api/referrals/{id}", id).header(HttpHeaders.AUTHORIZATION, TestTokens.physician("dr-atrest")))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(read.at("/patient/name").asText()).isEqualTo("Demo Patient 1");
		assertThat(read.at("/patient/birthDate").asText()).isEqualTo("1970-01-01");
		assertThat(read.at("/patient/address").asText()).isEqualTo("1 Demo Street");

		String fhir = http("GET", "/fhir/ServiceRequest/" + id).authorization(TestTokens.physician("dr-atrest"))
			.send()
			.body();
		assertThat(fhir).contains("Demo Patient 1", "1970-01-01", "1 Demo Street");
	}

}
