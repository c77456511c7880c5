package org.prolo.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The referral's first loop, by people in a real Chromium against the launched stack: Dr
 * Ada signs in to the physician portal on the identity service's sign-in page, submits a
 * referral through the form and finds it listed as Submitted; Ingrid signs in to Camunda
 * Tasklist, works that referral's triage task and accepts it; Dr Ada, reloading her list,
 * then sees the referral Accepted. Each person has a browser of their own. Screenshots of
 * every step go to {@code launcher/target/browser-screenshots/portal-*.png}.
 */
// System tier: the launched stack and a real Chromium.
@Tag("system")
class PortalBrowserTests {

	static final String TASKLIST = "http://localhost:8080/camunda/app/tasklist/";

	static final String ENGINE = "http://127.0.0.1:8080/engine-rest";

	static final Duration PROCESS_TIMEOUT = Duration.ofMinutes(2);

	@RegisterExtension
	static final Chromium chromium = new Chromium("portal");

	static final ObjectMapper json = new ObjectMapper();

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static RunningStack stack;

	static Path dataDir;

	static DemoTokens tokens;

	@BeforeAll
	static void startTheStack() throws Exception {
		dataDir = SystemTests.ROOT.resolve("launcher/target/browser-test-" + System.currentTimeMillis());
		stack = RunningStack.start(SystemTests.ROOT, dataDir, "--no-auto-report");
		tokens = new DemoTokens(ServiceSpec.IDENTITY_URL);
	}

	@AfterAll
	static void stopTheStack() throws Exception {
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	void aPhysicianRefersInThePortalAndSeesItAcceptedOnceTriagedInTasklist(TestInfo test) throws Exception {
		String patient = "Hedy Testpatient-" + UUID.randomUUID().toString().substring(0, 8);
		Page ada = chromium.pageOf("dr-ada");
		Page ingrid = chromium.pageOf("ingrid");
		Page current = ada;
		try {
			// Dr Ada opens the portal and is sent to sign in at the identity service.
			ada.navigate(ServiceSpec.PORTAL_URL);
			expect(ada.locator("#username")).isVisible();
			assertThat(ada.url()).startsWith(ServiceSpec.IDENTITY_URL + "/login");
			chromium.screenshot(ada, "1-identity-sign-in");
			signIn(ada, "dr-ada");
			expect(ada.locator("h1")).hasText("My referrals");
			expect(ada.locator(".account")).containsText("Dr Ada Lovelace");

			// The form knows who she is; she fills in the rest.
			ada.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Submit a new referral")).click();
			expect(ada.locator("h1")).hasText("Submit a referral");
			expect(ada.locator("#referrerName")).hasValue("Dr Ada Lovelace");
			expect(ada.locator("#referrerEmail")).hasValue("ada@referrers.example");
			ada.locator("#patientName").fill(patient);
			ada.locator("#patientBirthDate").fill(SystemTests.BIRTH_DATE);
			ada.locator("#patientAddress").fill(SystemTests.ADDRESS);
			ada.locator("#condition").selectOption("KNEE_OSTEOARTHRITIS");
			ada.locator("#bodySite").fill("left knee");
			ada.locator("#painDurationMonths").fill("9");
			ada.locator("#priorConservativeCare-yes").check();
			for (String question : List.of("anticoagulated", "allergyToInjectate", "pregnant", "uncontrolledDiabetes",
					"activeInfectionAtSite", "malignancyAtSite")) {
				ada.locator("#" + question + "-no").check();
			}
			ada.locator("#urgency").selectOption("ROUTINE");
			ada.locator("#notes").fill("Pain on stairs for 9 months despite physiotherapy");
			chromium.screenshot(ada, "2-referral-form-filled");
			ada.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit referral")).click();

			// Her referral's page confirms it; her list shows it as new. The workflow
			// may have opened triage already, so "In triage" is as right as "Submitted".
			expect(ada.locator(".confirmation")).containsText("Referral submitted");
			String referralId = ada.locator("h1 span").innerText().trim();
			assertThat(referralId).startsWith("R-");
			expect(ada.locator("p.status strong")).hasText(JUST_SUBMITTED);
			chromium.screenshot(ada, "3-referral-submitted");
			ada.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My referrals").setExact(true)).click();
			expect(status(ada, referralId)).hasText(JUST_SUBMITTED);
			chromium.screenshot(ada, "4-listed-as-submitted");

			// Ingrid, at her own computer, opens Tasklist and is sent to sign in too.
			current = ingrid;
			String taskId = awaitTriageTask(referralId);
			warmUpTasklist();
			ingrid.navigate(TASKLIST);
			expect(ingrid.locator("#username")).isVisible();
			assertThat(ingrid.url()).startsWith(ServiceSpec.IDENTITY_URL + "/login");
			signIn(ingrid, "ingrid");
			ingrid.locator(".task-filters .content h4 a")
				.filter(new Locator.FilterOptions().setHasText("My groups' tasks"))
				.click();
			// Tasklist links each task as #/?task=<id>: this referral's task, not
			// another.
			Locator taskLink = ingrid.locator("ol.tasks-list li.task h4.task a[href*='task=" + taskId + "']");
			expect(taskLink).hasText("Triage referral");
			chromium.screenshot(ingrid, "5-tasklist-signed-in");
			taskLink.click();
			expect(ingrid.locator(".task-card h2.task")).hasText("Triage referral");
			expect(ingrid.getByLabel("Referral id")).hasValue(referralId);
			ingrid.locator(".task-card button.claim").click();
			expect(ingrid.locator(".task-card li.assignee")).containsText("Ingrid");
			// Camunda Forms' select is no <select>: a display that opens a list of
			// labels.
			Locator outcome = ingrid.locator(".fjs-form-field-select")
				.filter(new Locator.FilterOptions().setHasText("Outcome"));
			outcome.locator(".fjs-input-group").click();
			outcome.locator(".fjs-dropdownlist-item").filter(exactText("Accept")).click();
			expect(outcome.locator(".fjs-select-display")).hasText("Accept");
			chromium.screenshot(ingrid, "6-triage-accepted");
			Locator complete = ingrid.locator(".form-actions button.btn-primary")
				.filter(new Locator.FilterOptions().setHasText("Complete"));
			expect(complete).isEnabled();
			complete.click();
			expect(taskLink).hasCount(0);
			chromium.screenshot(ingrid, "7-task-completed");

			// The engine names the signed-in person as the one who completed it.
			await().atMost(PROCESS_TIMEOUT)
				.untilAsserted(() -> assertThat(completedBy(taskId)).containsExactly("ingrid"));

			// Dr Ada reloads her list until the clinic's decision reaches it (intake
			// hears of it through the workflow's events).
			current = ada;
			await().atMost(PROCESS_TIMEOUT).pollInSameThread().pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
				ada.reload();
				assertThat(status(ada, referralId).innerText()).isEqualTo("Accepted");
			});
			chromium.screenshot(ada, "8-listed-as-accepted");
		}
		catch (RuntimeException | AssertionError ex) {
			chromium.screenshot(current,
					"failed-" + test.getTestMethod().map(method -> method.getName()).orElse("test"));
			throw ex;
		}

		// The patient's name, birth date and address went through the portal, intake and
		// the browser's pages, and into no log line of any service.
		SystemTests.noServiceLogsPatientData(dataDir, patient);
	}

	/** The status cell of the referral's row in "My referrals". */
	private static Locator status(Page page, String referralId) {
		return page.locator("table.referrals tbody tr")
			.filter(new Locator.FilterOptions()
				.setHas(page.locator("th a", new Page.LocatorOptions().setHasText(exactly(referralId)))))
			.locator("td")
			.nth(2)
			.locator("span")
			.first();
	}

	/** Spring's sign-in form of the identity service. */
	private static void signIn(Page page, String user) {
		page.locator("#username").fill(user);
		page.locator("#password").fill(user);
		page.locator("button[type=submit]").click();
	}

	/** The referral's triage task, as ingrid's own token finds it. */
	private static String awaitTriageTask(String referralId) {
		return await().atMost(PROCESS_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
			JsonNode tasks = getJson(
					ENGINE + "/task?processInstanceBusinessKey=" + referralId + "&taskDefinitionKey=triage", "ingrid");
			return tasks.size() == 1 ? tasks.get(0).get("id").asText() : null;
		}, id -> id != null);
	}

	private static List<String> completedBy(String taskId) throws IOException, InterruptedException {
		return getJson(ENGINE + "/history/user-operation?taskId=" + taskId + "&operationType=Complete", "demo")
			.findValuesAsText("userId");
	}

	/**
	 * The webapps look their engine up on the first API request, and Tasklist's RequireJS
	 * gives up after 7 seconds and leaves the page at its spinner: that first request is
	 * made here, where it may take as long as it needs.
	 */
	private static void warmUpTasklist() throws IOException, InterruptedException {
		for (String path : List.of("/camunda/api/engine/engine",
				"/camunda/api/tasklist/plugin/tasklistPlugins/static/app/plugin.js",
				"/camunda/app/tasklist/default/")) {
			HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8080" + path))
				.header("Authorization", tokens.bearer("ingrid"))
				.timeout(PROCESS_TIMEOUT)
				.build(), HttpResponse.BodyHandlers.discarding());
			assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
		}
	}

	private static JsonNode getJson(String url, String user) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Accept", "application/json")
			.header("Authorization", tokens.bearer(user))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(url + " as " + user + ": " + response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	static LocatorAssertions expect(Locator locator) {
		return PlaywrightAssertions.assertThat(locator);
	}

	static Locator.FilterOptions exactText(String text) {
		return new Locator.FilterOptions().setHasText(exactly(text));
	}

	private static final Pattern JUST_SUBMITTED = Pattern.compile("^\\s*(Submitted|In triage)\\s*$");

	static Pattern exactly(String text) {
		// The pattern runs as a JavaScript RegExp, which has no \Q...\E quoting.
		String escaped = text.replaceAll("\\W", "\\\\$0");
		return Pattern.compile("^\\s*" + escaped + "\\s*$");
	}

}
