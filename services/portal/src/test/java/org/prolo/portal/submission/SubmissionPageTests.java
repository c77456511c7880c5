package org.prolo.portal.submission;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.prolo.portal.FakeIntake.Answer;
import org.prolo.portal.PortalPages;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ExtendWith(OutputCaptureExtension.class)
class SubmissionPageTests extends PortalPages {

	private static final String CREATED = """
			{"id":"R-0f8fad5b-d9cb-469f-a165-70867728950e","status":"SUBMITTED","fhirStatus":"requested",
			 "patientPseudonym":"P-1a2b3c4d","submittedAt":"2025-01-15T09:30:00.123Z"}""";

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void offersALabelForEveryInputAndAFieldsetWithLegendForEveryYesNoQuestion() throws Exception {
		String page = newForm();

		List<String> ids = new ArrayList<>();
		Matcher controls = Pattern.compile("<(input|select|textarea)\\b([^>]*)>").matcher(page);
		while (controls.find()) {
			String attributes = controls.group(2);
			if (attributes.contains("type=\"hidden\"")) {
				continue;
			}
			Matcher id = Pattern.compile("\\bid=\"([^\"]+)\"").matcher(attributes);
			assertThat(id.find()).as("a form control without id: %s", controls.group()).isTrue();
			ids.add(id.group(1));
		}
		assertThat(ids).hasSize(9 + 2 * 7 + 3)
			.allSatisfy(id -> assertThat(page).as("label for %s", id).contains("<label for=\"" + id + "\">"));
		assertThat(Pattern.compile("<fieldset[^>]*>\\s*<legend>").matcher(page).results()).hasSize(7);
		assertThat(page).contains("<html lang=\"en\">")
			.containsOnlyOnce("<h1>")
			.contains("<a class=\"skip-link\" href=\"#main\">Skip to main content</a>")
			.contains("<main id=\"main\"")
			.contains("Patient's full name <span class=\"marker\">(required)</span>")
			.contains("Notes for the clinic <span class=\"marker\">(optional)</span>")
			.contains("aria-describedby=\"painDurationMonths-hint\"")
			.contains("<button type=\"submit\" class=\"button\">Submit referral</button>");
	}

	@Test
	void mirrorsIntakesRulesInTheBrowser() throws Exception {
		String page = newForm();
		String yesterday = LocalDate.now().minusDays(1).toString();

		assertThat(input(page, "referrerEmail")).contains("type=\"email\"", "required", "maxlength=\"200\"");
		assertThat(input(page, "patientName")).contains("required", "maxlength=\"200\"");
		assertThat(input(page, "patientBirthDate")).contains("type=\"date\"", "required", "max=\"" + yesterday + "\"");
		assertThat(page).contains("maxlength=\"500\"", "maxlength=\"2000\"");
		assertThat(input(page, "patientPseudonym")).contains("pattern=\"[A-Za-z0-9\\-]{3,64}\"")
			.doesNotContain("required");
		assertThat(input(page, "painDurationMonths")).contains("type=\"number\"", "min=\"0\"", "max=\"600\"",
				"step=\"1\"", "required");
		assertThat(page).contains("<option value=\"KNEE_OSTEOARTHRITIS\">Knee osteoarthritis</option>",
				"<option value=\"OTHER\">Other (specialist review)</option>",
				"<option value=\"URGENT\">Urgent</option>");
		assertThat(Pattern.compile("<option value=\"[A-Z_]+\">").matcher(page).results()).hasSize(13 + 2);
		assertThat(input(page, "pregnant-yes")).contains("type=\"radio\"", "required", "value=\"yes\"");
	}

	@Test
	void prefillsThePhysiciansNameAndEmailFromTheIdToken() throws Exception {
		String page = this.mvc
			.perform(get("/referrals/new").accept(MediaType.TEXT_HTML)
				.with(physician("dr-ada", "Dr Ada Lovelace", "ada@referrers.example")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(input(page, "referrerName")).contains("value=\"Dr Ada Lovelace\"");
		assertThat(input(page, "referrerEmail")).contains("value=\"ada@referrers.example\"");
		assertThat(page).contains("Signed in as <strong>Dr Ada Lovelace</strong>");
	}

	@Test
	void givesEveryRenderedFormItsOwnIdempotencyKey() throws Exception {
		assertThat(idempotencyKey(newForm())).isNotEqualTo(idempotencyKey(newForm()));
	}

	@Test
	void sendsTheReferralAsJsonWithTheFormsKeyAndRedirectsToIt() throws Exception {
		intake.answer("POST", "/api/referrals", 201, CREATED);
		String key = idempotencyKey(newForm());

		this.mvc.perform(completeForm(key))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/referrals/R-0f8fad5b-d9cb-469f-a165-70867728950e"))
			.andExpect(flash().attribute("confirmation", "Referral submitted. The clinic will triage it."));

		var request = intake.only("POST", "/api/referrals");
		assertThat(request.header("Idempotency-Key")).isEqualTo(key);
		assertThat(request.header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + tokenOf("dr-ada"));
		assertThat(request.header(HttpHeaders.CONTENT_TYPE)).startsWith("application/json");
		JsonNode body = this.json.readTree(request.body());
		assertThat(body).isEqualTo(this.json.readTree("""
				{"referrer":{"id":"dr-ada","name":"Dr Ada Lovelace","email":"ada@referrers.example"},
				 "patient":{"pseudonym":null,"name":"Jane Example","birthDate":"1970-01-01","address":"1 Demo Street"},
				 "condition":"KNEE_OSTEOARTHRITIS","bodySite":"left knee","painDurationMonths":9,
				 "priorConservativeCare":true,"anticoagulated":false,"allergyToInjectate":false,"pregnant":false,
				 "uncontrolledDiabetes":false,"activeInfectionAtSite":false,"malignancyAtSite":true,
				 "urgency":"ROUTINE","notes":"Pain on stairs"}"""));
	}

	@Test
	void sendsThePhysiciansOwnReferenceWhenOneIsTyped() throws Exception {
		intake.answer("POST", "/api/referrals", 201, CREATED);
		String key = idempotencyKey(newForm());

		this.mvc.perform(completeForm(key, Map.of("referrerReference", " KNEE-2026-0042 ")))
			.andExpect(status().isSeeOther());

		JsonNode body = this.json.readTree(intake.only("POST", "/api/referrals").body());
		assertThat(body.get("referrerReference").asText()).isEqualTo("KNEE-2026-0042");
	}

	@Test
	void sendsTheSignedInPhysiciansNameAndAddressWhateverTheFormSays() throws Exception {
		intake.answer("POST", "/api/referrals", 201, CREATED);
		String key = idempotencyKey(newForm());

		this.mvc
			.perform(completeForm(key,
					Map.of("referrerName", "Dr Mallory", "referrerEmail", "mallory@elsewhere.example")))
			.andExpect(status().isSeeOther());

		JsonNode referrer = this.json.readTree(intake.only("POST", "/api/referrals").body()).path("referrer");
		assertThat(referrer.path("name").asText()).isEqualTo("Dr Ada Lovelace");
		assertThat(referrer.path("email").asText()).isEqualTo("ada@referrers.example");
		assertThat(input(newForm(), "referrerEmail")).contains("readonly");
	}

	@Test
	void sendsTheSameKeyWhenTheSameFormIsSubmittedTwice() throws Exception {
		intake.answer("POST", "/api/referrals",
				Answer.withHeaders(201, CREATED, Map.of("Idempotent-Replayed", "true")));
		String key = idempotencyKey(newForm());

		this.mvc.perform(completeForm(key)).andExpect(status().isSeeOther());
		this.mvc.perform(completeForm(key))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/referrals/R-0f8fad5b-d9cb-469f-a165-70867728950e"))
			.andExpect(flash().attribute("confirmation",
					"This referral had already been submitted; nothing was sent twice."));

		assertThat(intake.requests()).extracting(r -> r.header("Idempotency-Key")).containsExactly(key, key);
	}

	@Test
	void showsIntakesFieldErrorsNextToTheFieldsWithAnErrorSummary() throws Exception {
		intake.answer("POST", "/api/referrals", 400, """
				{"type":"https://prolo.example/problems/invalid-request","title":"Invalid request","status":400,
				 "detail":"3 field(s) are invalid.","instance":"/api/referrals",
				 "errors":[{"field":"condition","message":"must be one of [LOW_BACK_PAIN, OTHER]"},
				           {"field":"patient.birthDate","message":"must be a date in the past"},
				           {"field":"pregnant","message":"must not be null"}]}""");
		String key = idempotencyKey(newForm());

		var unanswered = new HashMap<String, String>();
		unanswered.put("pregnant", null);

		String page = this.mvc.perform(completeForm(key, unanswered))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("<title>Error: Submit a referral")))
			.andReturn()
			.getResponse()
			.getContentAsString();

		String summary = page.substring(page.indexOf("class=\"error-summary\""), page.indexOf("<h1>"));
		assertThat(summary).contains("role=\"alert\"", "There is a problem",
				"<a href=\"#patientBirthDate\">Patient&#39;s date of birth must be a date in the past.</a>",
				"<a href=\"#condition\">Condition must be one of [LOW_BACK_PAIN, OTHER].</a>",
				"<a href=\"#pregnant-yes\">Pregnancy is required.</a>");
		// In the order of the form, not intake's.
		assertThat(summary.indexOf("#patientBirthDate")).isLessThan(summary.indexOf("#condition"));
		assertThat(page).contains("id=\"patientBirthDate-error\"", "id=\"condition-error\"", "id=\"pregnant-error\"");
		assertThat(input(page, "patientBirthDate")).contains(
				"aria-describedby=\"patientBirthDate-hint patientBirthDate-error\"", "aria-invalid=\"true\"",
				"value=\"1970-01-01\"");
		assertThat(input(page, "patientName")).contains("value=\"Jane Example\"").doesNotContain("aria-invalid");
		assertThat(idempotencyKey(page)).isEqualTo(key);
	}

	@Test
	void namesAValueItCannotReadAndLetsIntakeNameTheRest() throws Exception {
		intake.answer("POST", "/api/referrals", 400, """
				{"title":"Invalid request","status":400,
				 "errors":[{"field":"painDurationMonths","message":"must not be null"},
				           {"field":"patient.name","message":"must not be blank"}]}""");

		String page = this.mvc
			.perform(completeForm(idempotencyKey(newForm()), Map.of("painDurationMonths", "nine", "patientName", " ")))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("Pain duration in months must be a whole number.",
				"Patient&#39;s full name is required.");
		JsonNode sent = this.json.readTree(intake.only("POST", "/api/referrals").body());
		assertThat(sent.get("painDurationMonths").isNull()).isTrue();
		assertThat(sent.get("patient").get("name").isNull()).isTrue();
	}

	@Test
	void refusesAFormPostedWithoutCsrfToken() throws Exception {
		this.mvc
			.perform(post("/referrals").with(physician("dr-ada"))
				.accept(MediaType.TEXT_HTML)
				.param("idempotencyKey", "0f8fad5b-d9cb-469f-a165-70867728950e")
				.param("patientName", "Jane Example"))
			.andExpect(status().isForbidden());

		assertThat(intake.requests()).isEmpty();
	}

	@Test
	void tellsThePhysicianToWaitWhenIntakeLimitsTheirSubmissions() throws Exception {
		intake.answer("POST", "/api/referrals", Answer.withHeaders(429,
				"{\"title\":\"Too Many Requests\",\"status\":429}", Map.of("Retry-After", "60")));

		this.mvc.perform(completeForm(idempotencyKey(newForm())))
			.andExpect(status().isTooManyRequests())
			.andExpect(content().string(containsString("Try again in 60 seconds.")))
			.andExpect(content().string(containsString("value=\"Jane Example\"")));
	}

	@Test
	void explainsAFormThatWasAlreadyUsedForOtherAnswers() throws Exception {
		intake.answer("POST", "/api/referrals", 422, "{\"title\":\"Idempotency-Key reused\",\"status\":422}");
		String key = idempotencyKey(newForm());

		String page = this.mvc.perform(completeForm(key))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("This form was already used to submit a referral")))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(idempotencyKey(page)).isNotEqualTo(key);
	}

	@Test
	void keepsPatientDataOutOfTheLog(CapturedOutput log) throws Exception {
		intake.answer("POST", "/api/referrals", 201, CREATED);
		this.mvc.perform(completeForm(idempotencyKey(newForm()))).andExpect(status().isSeeOther());
		intake.answer("POST", "/api/referrals", 400,
				"""
						{"title":"Invalid request","status":400,"errors":[{"field":"patient.address","message":"must not be blank"}]}""");
		this.mvc.perform(completeForm(idempotencyKey(newForm()))).andExpect(status().isBadRequest());
		intake.answer("POST", "/api/referrals", 503, "{\"status\":503}");
		this.mvc.perform(completeForm(idempotencyKey(newForm()))).andExpect(status().isServiceUnavailable());

		assertThat(log.getOut() + log.getErr()).contains("R-0f8fad5b-d9cb-469f-a165-70867728950e")
			.contains("Intake answered 400 to POST /api/referrals")
			.doesNotContain("Jane Example", "1970-01-01", "1 Demo Street", "Pain on stairs", tokenOf("dr-ada"));
	}

	private String newForm() throws Exception {
		return this.mvc.perform(get("/referrals/new").accept(MediaType.TEXT_HTML).with(physician("dr-ada")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static MockHttpServletRequestBuilder completeForm(String key) {
		return completeForm(key, Map.of());
	}

	/**
	 * The form as a browser posts it, filled in; changes replace or (with null) leave out
	 * fields.
	 */
	private static MockHttpServletRequestBuilder completeForm(String key, Map<String, String> changes) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("idempotencyKey", key);
		fields.put("referrerName", "Dr Ada Lovelace");
		fields.put("referrerEmail", "ada@referrers.example");
		fields.put("patientName", "Jane Example");
		fields.put("patientBirthDate", "1970-01-01");
		fields.put("patientAddress", "1 Demo Street");
		fields.put("patientPseudonym", "");
		fields.put("condition", "KNEE_OSTEOARTHRITIS");
		fields.put("bodySite", "left knee");
		fields.put("painDurationMonths", "9");
		fields.put("priorConservativeCare", "yes");
		fields.put("anticoagulated", "no");
		fields.put("allergyToInjectate", "no");
		fields.put("pregnant", "no");
		fields.put("uncontrolledDiabetes", "no");
		fields.put("activeInfectionAtSite", "no");
		fields.put("malignancyAtSite", "yes");
		fields.put("urgency", "ROUTINE");
		fields.put("notes", "Pain on stairs");
		changes.forEach((name, value) -> {
			if (value == null) {
				fields.remove(name);
			}
			else {
				fields.put(name, value);
			}
		});
		// A real sign-in's ID token names the physician (scopes profile and email).
		var request = post("/referrals").with(physician("dr-ada", "Dr Ada Lovelace", "ada@referrers.example"))
			.with(csrf())
			.accept(MediaType.TEXT_HTML);
		fields.forEach(request::param);
		return request;
	}

	private static String idempotencyKey(String page) {
		Matcher key = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"").matcher(page);
		assertThat(key.find()).as("the form's Idempotency-Key").isTrue();
		return key.group(1);
	}

	/** The tag of the form control with this id. */
	private static String input(String page, String id) {
		Matcher control = Pattern.compile("<(input|select|textarea)\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>")
			.matcher(page);
		assertThat(control.find()).as("form control %s", id).isTrue();
		return control.group();
	}

}
