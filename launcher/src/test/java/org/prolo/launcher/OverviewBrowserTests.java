package org.prolo.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.prolo.launcher.PortalBrowserTests.expect;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The clinic leads' overview in a real Chromium against the launched stack: three
 * referrals are submitted, two of them triaged and one taken on to its exam, and the
 * third one's triage task is made overdue; Leo signs in to the portal, follows the link
 * from the staff page to the overview and finds the open referrals by stage, the overdue
 * task under intake coordinators and triage's durations this week, each as a chart with
 * its figures. Dr Ada gets the page for clinic leads only. Screenshots go to
 * {@code launcher/target/browser-screenshots/overview-*.png}.
 */
// System tier: the launched stack and a real Chromium.
@Tag("system")
class OverviewBrowserTests {

	static final String ENGINE = SystemTests.ENGINE;

	static final Duration PROCESS_TIMEOUT = Duration.ofMinutes(2);

	/** The date format of Camunda's REST API. */
	static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
		.withZone(ZoneOffset.UTC);

	@RegisterExtension
	static final Chromium chromium = new Chromium("overview");

	static RunningStack stack;

	static Path dataDir;

	@BeforeAll
	static void startTheStack() throws Exception {
		dataDir = SystemTests.ROOT.resolve("launcher/target/overview-test-" + System.currentTimeMillis());
		stack = RunningStack.start(SystemTests.ROOT, dataDir, "--no-auto-report");
		// SystemTests' helpers sign in through its tokens.
		SystemTests.tokens = new DemoTokens(ServiceSpec.IDENTITY_URL);
	}

	@AfterAll
	static void stopTheStack() throws Exception {
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	void aClinicLeadSeesOpenReferralsOverdueTasksAndStageDurationsAsCharts(TestInfo test) throws Exception {
		String atExam = submit("Olga Testpatient");
		String accepted = submit("Otto Testpatient");
		String atTriage = submit("Oona Testpatient");
		complete(atExam, "triage", "ingrid", Map.of("triageOutcome", "ACCEPTED"));
		complete(accepted, "triage", "ingrid", Map.of("triageOutcome", "ACCEPTED"));
		complete(atExam, "record-history", "carl",
				Map.of("painLocation", "medial left knee", "painDurationMonths", 9, "painScore", 6,
						"priorConservativeCare", true, "anticoagulated", false, "allergyToInjectate", false, "pregnant",
						false, "uncontrolledDiabetes", false, "medications", "paracetamol"));
		makeOverdue(task(atTriage, "triage", "ingrid"));
		// The timeline has heard of all three and of both triages.
		await().atMost(PROCESS_TIMEOUT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			JsonNode trend = SystemTests.get("http://127.0.0.1:8085/api/kpis/trend?weeks=4", "leo");
			long open = 0;
			for (JsonNode count : trend.get("openByStatus")) {
				open += count.asLong();
			}
			assertThat(open).isEqualTo(3);
			assertThat(trend.at("/openByStatus/TRIAGE").asLong()).isEqualTo(1);
			assertThat(trend.at("/weeks/3/stages/0/count").asInt()).isEqualTo(2);
		});

		Page leo = chromium.pageOf("leo");
		Page ada = chromium.pageOf("dr-ada");
		Page current = leo;
		try {
			// Leo signs in to the portal: the staff page links his overview.
			leo.navigate(ServiceSpec.PORTAL_URL);
			signIn(leo, "leo");
			expect(leo.locator("h1")).hasText("This portal is for referring physicians");
			leo.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("clinic overview").setExact(true)).click();
			expect(leo.locator("h1")).hasText("Clinic overview");

			// Open referrals by stage: the chart's text alternative and its table agree.
			Locator open = leo.locator("section[aria-labelledby=open-title]");
			expect(open.locator("h2")).hasText("Open referrals by stage");
			expect(open).containsText("3 referrals are open.");
			expect(open.locator("svg[role=img] desc")).containsText("In triage: 1");
			expect(open.locator("svg .bar")).not().hasCount(0);
			expect(row(open, "In triage")).hasText("1");

			// Overdue tasks by group: the triage task made overdue, nothing else.
			Locator overdue = leo.locator("section[aria-labelledby=overdue-title]");
			expect(overdue).containsText("1 in all");
			expect(overdue.locator("svg[role=img] desc"))
				.hasText("Intake coordinators: 1; Clinical coordinators: 0; Clinicians: 0.");
			expect(row(overdue, "Intake coordinators")).hasText("1");

			// Durations: triage was completed twice this week, so its chart has this
			// week's points; history once.
			Locator triage = leo.locator("section.stage-durations")
				.filter(new Locator.FilterOptions().setHas(
						leo.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Triage").setExact(true))));
			expect(triage.locator("svg[role=img] desc")).containsText("2 completed");
			expect(triage.locator("circle.point-median")).hasCount(1);
			expect(triage.locator("circle.point-p90")).hasCount(1);
			triage.locator("summary").click();
			expect(triage.locator("table tbody tr").last().locator("td").first()).hasText("2");
			expect(leo.locator(".missing-figures")).hasCount(0);
			chromium.screenshot(leo, "1-clinic-overview");

			// A physician gets the page for clinic leads only.
			current = ada;
			ada.navigate(ServiceSpec.PORTAL_URL + "overview");
			signIn(ada, "dr-ada");
			expect(ada.locator("h1")).hasText("The clinic overview is for clinic leads");
			chromium.screenshot(ada, "2-physician-refused");
		}
		catch (RuntimeException | AssertionError ex) {
			chromium.screenshot(current,
					"failed-" + test.getTestMethod().map(method -> method.getName()).orElse("test"));
			throw ex;
		}
	}

	/** The figure in the row of this label, in the section's table. */
	static Locator row(Locator section, String label) {
		return section.locator("table tbody tr")
			.filter(new Locator.FilterOptions().setHas(section.page()
				.locator("th", new Page.LocatorOptions().setHasText(PortalBrowserTests.exactly(label)))))
			.locator("td");
	}

	/** The identity service's sign-in form, once the browser has been sent there. */
	static void signIn(Page page, String user) {
		expect(page.locator("#username")).isVisible();
		page.locator("#username").fill(user);
		page.locator("#password").fill(user);
		page.locator("button[type=submit]").click();
	}

	/** A referral of dr-ada's for this patient, submitted to intake; its id. */
	static String submit(String patient) throws Exception {
		HttpResponse<String> created = SystemTests.submit(SystemTests.referral(patient, "dr-ada"),
				UUID.randomUUID().toString(), "dr-ada");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String location = created.headers().firstValue("Location").orElseThrow();
		return location.substring(location.lastIndexOf('/') + 1);
	}

	/** The referral's open task of this key, as the user whose group works it sees it. */
	private static JsonNode task(String referralId, String taskKey, String user) {
		return await().atMost(PROCESS_TIMEOUT)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> SystemTests
				.get(ENGINE + "/task?processInstanceBusinessKey=" + referralId + "&taskDefinitionKey=" + taskKey, user),
					tasks -> tasks.size() == 1)
			.get(0);
	}

	static void complete(String referralId, String taskKey, String user, Map<String, Object> variables)
			throws Exception {
		String taskId = task(referralId, taskKey, user).get("id").asText();
		ObjectNode body = SystemTests.json.createObjectNode();
		ObjectNode vars = body.putObject("variables");
		variables.forEach((name, value) -> vars.putObject(name).set("value", SystemTests.json.valueToTree(value)));
		HttpResponse<String> response = SystemTests.send(
				SystemTests.json(ENGINE + "/task/" + taskId + "/complete", body.toString()),
				SystemTests.tokens.bearer(user));
		assertThat(response.statusCode()).as(taskKey + ": " + response.body()).isEqualTo(204);
	}

	/**
	 * Moves the task's due date a week back, as the engine's administrator can (nobody of
	 * the staff may): the quickest way to a task that is overdue without waiting two
	 * working days.
	 */
	private static void makeOverdue(JsonNode task) throws IOException, InterruptedException {
		String url = ENGINE + "/task/" + task.get("id").asText();
		ObjectNode changed = (ObjectNode) SystemTests.get(url, SystemTests.ADMIN);
		changed.put("due", ENGINE_DATE.format(Instant.now().minus(7, ChronoUnit.DAYS)));
		// The engine answers the form reference it cannot read back (an abstract type).
		changed.remove("camundaFormRef");
		HttpResponse<String> response = SystemTests.send(
				HttpRequest.newBuilder(URI.create(url))
					.header("Content-Type", "application/json")
					.PUT(HttpRequest.BodyPublishers.ofString(changed.toString())),
				SystemTests.tokens.bearer(SystemTests.ADMIN));
		assertThat(response.statusCode()).as("due date of " + url + ": " + response.body()).isEqualTo(204);
	}

}
