package org.prolo.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.prolo.platform.broker.SharedTestBroker;
import org.prolo.platform.events.AvroEventSerializer;
import org.prolo.platform.events.EventPublisher;
import org.prolo.platform.events.EventTopics;
import org.prolo.platform.demosignin.DemoSignIn;
import org.prolo.platform.testing.TestKafka;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * An intake coordinator works a triage task in Camunda Tasklist, in a real Chromium:
 * signs in at the real identity service ({@link IdentityServer}, OpenID Connect), opens
 * her groups' filter, claims the referral's task, fills the Camunda Form and completes
 * it. The engine then says who completed it with which outcome. A physician who signs in
 * gets no Tasklist.
 *
 * <p>
 * Uses Debian's Chromium at {@value HeadlessChromium#CHROMIUM} (CI installs it; without
 * it the test fails, it does not skip). Screenshots of each step go to
 * {@code target/browser-screenshots/}.
 *
 * <p>
 * The service trusts the identity service's tokens as in production (no test key), on a
 * port chosen before it starts. Like the scenarios it closes its context afterwards: a
 * context left open would keep a consumer in the group "workflow" (stealing partitions
 * from the next class's nodes) and the "default" engine in Camunda's static registry.
 */
// System tier: a real Chromium and the identity service in a JVM of its own.
@Tag("system")
// The demo profile, explicitly: the real identity service's demo users sign in through
// its demo client prolo-web (with the demo secret), and Tasklist shows the demo filters.
@ActiveProfiles("demo")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "prolo.workflow.kept-message-sweep=PT1S" })
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:workflow-${random.uuid};DB_CLOSE_DELAY=-1")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TasklistBrowserTests {

	static final Duration TIMEOUT = Duration.ofMinutes(2);

	@RegisterExtension
	static final HeadlessChromium chromium = new HeadlessChromium("tasklist");

	/**
	 * Chosen before the service starts: the identity service must know its redirect URI.
	 */
	static final int port = IdentityServer.freePort();

	static IdentityServer identity;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	RuntimeService runtime;

	@BeforeAll
	static void startIdentityService() {
		identity = IdentityServer.start("tasklist", port);
	}

	@AfterAll
	static void stopIdentityService() {
		if (identity != null) {
			identity.close();
		}
	}

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		TestKafka.signInStandingInForProducers(registry, "workflow");
		registry.add("server.port", () -> port);
		registry.add("prolo.security.issuer", () -> identity.issuer());
	}

	@Test
	void intakeCoordinatorAcceptsAReferralInTasklist(Page page, TestInfo test) throws Exception {
		String referralId = submitAndAwaitTriage();
		Task triage = tasks.createTaskQuery()
			.processInstanceBusinessKey(referralId)
			.taskDefinitionKey("triage")
			.singleResult();
		String processInstanceId = triage.getProcessInstanceId();

		warmUpWebapps();
		try {
			page.navigate("http://localhost:" + port + "/camunda/app/tasklist/");
			// Not signed in: sent to the identity service's login page, and back.
			expect(page.locator("#username")).isVisible();
			assertThat(page.url()).startsWith(identity.issuer() + "/login");
			chromium.screenshot("0-identity-login");
			IdentityServer.signIn(page, "ingrid");

			Locator myGroups = page.locator(".task-filters .content h4 a")
				.filter(new Locator.FilterOptions().setHasText("My groups' tasks"));
			myGroups.click();
			// The list links each task as #/?task=<id>: this referral's task, not another
			// one left on the intake topic by an earlier class.
			Locator taskLink = page.locator("ol.tasks-list li.task h4.task a[href*='task=" + triage.getId() + "']");
			expect(taskLink).hasText("Triage referral");
			chromium.screenshot("1-after-login");
			taskLink.click();

			expect(page.locator(".task-card h2.task")).hasText("Triage referral");
			expect(page.getByLabel("Referral id")).hasValue(referralId);

			page.locator(".task-card button.claim").click();
			// Claimed: the assignee takes the place of the claim button.
			expect(page.locator(".task-card button.claim")).hasCount(0);
			expect(page.locator(".task-card li.assignee")).containsText("Ingrid");

			// Camunda Forms' select is no <select>: a display that opens a list of
			// labels.
			Locator outcome = page.locator(".fjs-form-field-select")
				.filter(new Locator.FilterOptions().setHasText("Outcome"));
			outcome.locator(".fjs-input-group").click();
			outcome.locator(".fjs-dropdownlist-item").filter(exactText("Accept")).click();
			expect(outcome.locator(".fjs-select-display")).hasText("Accept");
			// ACCEPTED needs neither a reason nor a question: those fields stay hidden.
			expect(page.getByLabel("Reason (why rejected)")).hasCount(0);
			expect(page.getByLabel("Question to the referrer")).hasCount(0);
			expect(page.getByLabel("Referral id")).hasValue(referralId);
			chromium.screenshot("2-triage-form-filled");

			Locator complete = page.locator(".form-actions button.btn-primary")
				.filter(new Locator.FilterOptions().setHasText("Complete"));
			expect(complete).isEnabled();
			complete.click();

			// Completed: Tasklist reloads its list without the task.
			expect(taskLink).hasCount(0);
			chromium.screenshot("3-after-completion");
		}
		catch (RuntimeException | AssertionError ex) {
			chromium.screenshot("failed-" + test.getTestMethod().map(method -> method.getName()).orElse("test"));
			throw ex;
		}

		// The page may drop the task before the engine's transaction is visible here.
		await().atMost(TIMEOUT)
			.until(() -> history.createHistoricTaskInstanceQuery().taskId(triage.getId()).finished().count() == 1);
		HistoricTaskInstance triaged = history.createHistoricTaskInstanceQuery().taskId(triage.getId()).singleResult();
		assertThat(triaged.getEndTime()).isNotNull();
		assertThat(triaged.getDeleteReason()).isEqualTo("completed");
		assertThat(triaged.getAssignee()).isEqualTo("ingrid");
		// Who did it, as the engine recorded it from the signed-in Tasklist user.
		assertThat(history.createUserOperationLogQuery()
			.taskId(triage.getId())
			.operationType(UserOperationLogEntry.OPERATION_TYPE_CLAIM)
			.userId("ingrid")
			.count()).isPositive();
		assertThat(history.createUserOperationLogQuery()
			.taskId(triage.getId())
			.operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
			.userId("ingrid")
			.count()).isEqualTo(1);
		assertThat(runtime.getVariable(processInstanceId, "triageOutcome")).isEqualTo("ACCEPTED");
		assertThat(history.createHistoricDetailQuery()
			.processInstanceId(processInstanceId)
			.variableUpdates()
			.list()
			.stream()
			.map(HistoricVariableUpdate.class::cast)
			.filter(update -> update.getVariableName().equals("triageOutcome"))
			.map(HistoricVariableUpdate::getValue)).containsExactly("ACCEPTED");

		assertThat(runtime.getActiveActivityIds(processInstanceId)).containsExactly("record-history");
		assertThat(tasks.createTaskQuery().processInstanceId(processInstanceId).list()).singleElement()
			.satisfies(next -> {
				assertThat(next.getTaskDefinitionKey()).isEqualTo("record-history");
				assertThat(next.getAssignee()).isNull();
			});
	}

	@Test
	void intakeCoordinatorsListShowsEachTasksReferral(Page page, TestInfo test) throws Exception {
		String referralId = submitAndAwaitTriage();
		Task triage = tasks.createTaskQuery()
			.processInstanceBusinessKey(referralId)
			.taskDefinitionKey("triage")
			.singleResult();
		String pseudonym = (String) runtime.getVariable(triage.getProcessInstanceId(), "patientPseudonym");

		warmUpWebapps();
		try {
			page.navigate("http://localhost:" + port + "/camunda/app/tasklist/");
			IdentityServer.signIn(page, "ingrid");

			// The production filter of her group, not the demo's "My groups' tasks".
			page.locator(".task-filters .content h4 a")
				.filter(new Locator.FilterOptions().setHasText("Intake: triage"))
				.click();
			Locator row = page.locator("ol.tasks-list li.task")
				.filter(new Locator.FilterOptions()
					.setHas(page.locator("h4.task a[href*='task=" + triage.getId() + "']")));
			expect(row).containsText(pseudonym);
			expect(row).containsText("KNEE_OSTEOARTHRITIS");
			expect(row).containsText("left knee");
			expect(row).containsText("ROUTINE");
			expect(row.locator(".due-date")).isVisible();
			expect(row.locator(".due-date")).not().hasClass(Pattern.compile(".*\\boverdue\\b.*"));
			expect(row.locator(".variable-label"))
				.containsText(new String[] { "Patient (pseudonym)", "Condition", "Body site", "Urgency" });
			// Referrals start only at intake: the header offers no process to start and
			// no task to create (there, but hidden), beside its other actions.
			expect(page.locator("li.shortcut-help")).isVisible();
			expect(page.locator("li.start-process-action")).isAttached();
			expect(page.locator("li.start-process-action")).isHidden();
			expect(page.locator("li.create-task-action")).isAttached();
			expect(page.locator("li.create-task-action")).isHidden();
			chromium.screenshot("4-referral-context-in-list");
		}
		catch (RuntimeException | AssertionError ex) {
			chromium.screenshot("failed-" + test.getTestMethod().map(method -> method.getName()).orElse("test"));
			throw ex;
		}
	}

	@Test
	void triageAfterAnInformationRequestShowsTheQuestionAndTheAnswerWithoutSubmittingThem(Page page, TestInfo test)
			throws Exception {
		String referralId = submitAndAwaitTriage();
		Task first = tasks.createTaskQuery().processInstanceBusinessKey(referralId).singleResult();
		tasks.complete(first.getId(),
				Map.of("triageOutcome", "INFO_REQUESTED", "infoQuestion", "Is there a recent X-ray?"));
		runtime.createMessageCorrelation("ReferralInfoProvided")
			.processInstanceBusinessKey(referralId)
			.setVariable("infoAnswer", "Yes, from March: mild degenerative changes.")
			.correlate();
		Task again = await().atMost(TIMEOUT)
			.until(() -> tasks.createTaskQuery()
				.processInstanceBusinessKey(referralId)
				.taskDefinitionKey("triage")
				.singleResult(), task -> task != null);

		warmUpWebapps();
		try {
			page.navigate("http://localhost:" + port + "/camunda/app/tasklist/");
			IdentityServer.signIn(page, "ingrid");
			expect(page.locator(".task-filters")).isVisible();
			page.navigate("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + again.getId());
			expect(page.locator(".task-card h2.task")).hasText("Triage referral");
			expect(page.getByText("Is there a recent X-ray?")).isVisible();
			Locator answer = page.getByLabel("The referrer's answer");
			expect(answer).hasValue("Yes, from March: mild degenerative changes.");
			expect(answer).isDisabled();
			chromium.screenshot("info-answer-shown");

			page.locator(".task-card button.claim").click();
			// Tasklist draws the form again once the claim lands; a click before that
			// opens a list that is thrown away.
			expect(page.locator(".task-card button.claim")).hasCount(0);
			expect(page.locator(".task-card li.assignee")).containsText("Ingrid");
			Locator outcome = page.locator(".fjs-form-field-select")
				.filter(new Locator.FilterOptions().setHasText("Outcome"));
			outcome.locator(".fjs-input-group").click();
			outcome.locator(".fjs-dropdownlist-item").filter(exactText("Accept")).click();
			page.locator(".form-actions button.btn-primary")
				.filter(new Locator.FilterOptions().setHasText("Complete"))
				.click();
		}
		catch (RuntimeException | AssertionError ex) {
			chromium.screenshot("failed-" + test.getTestMethod().map(method -> method.getName()).orElse("test"));
			throw ex;
		}

		// Accepted, although the form showed infoAnswer, which triage may not set: the
		// disabled field was not submitted.
		await().atMost(TIMEOUT)
			.until(() -> history.createHistoricTaskInstanceQuery().taskId(again.getId()).finished().count() == 1);
		assertThat(runtime.getVariable(again.getProcessInstanceId(), "triageOutcome")).isEqualTo("ACCEPTED");
	}

	@Test
	void aPhysicianWhoSignsInGetsNoTasklist(Page page) {
		page.navigate("http://localhost:" + port + "/camunda/app/tasklist/");

		// Signed in, and sent back to Tasklist, which refuses her.
		Response tasklist = page.waitForResponse(
				response -> response.url().startsWith("http://localhost:" + port + "/camunda/app/tasklist"),
				() -> IdentityServer.signIn(page, "dr-ada"));
		expect(page.locator("h1")).containsText("not for your role");
		chromium.screenshot("4-physician-refused");
		assertThat(tasklist.status()).isEqualTo(403);
		assertThat(page.locator(".task-filters").count()).isZero();
	}

	@Test
	void logOutSignsOutOfTheServiceAndTheIdentityService(Page page, TestInfo test) throws Exception {
		warmUpWebapps();
		try {
			page.navigate("http://localhost:" + port + "/camunda/app/tasklist/");
			IdentityServer.signIn(page, "carl");
			expect(page.locator(".task-filters")).isVisible();

			// Tasklist's own "Log out" would end only Camunda's part of the session.
			Locator logOut = page.locator("li.account li.logout a");
			expect(logOut).hasAttribute("href", "http://localhost:" + port + "/signout");
			page.locator("li.account .dropdown-toggle").click();
			logOut.click();
			expect(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign out"))).isVisible();
			chromium.screenshot("5-sign-out");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

			// Signed out at the identity service too: Tasklist asks to sign in again.
			expect(page.locator("#username")).isVisible();
			page.navigate("http://localhost:" + port + "/camunda/app/tasklist/");
			expect(page.locator("#username")).isVisible();
			assertThat(page.url()).startsWith(identity.issuer() + "/login");
		}
		catch (RuntimeException | AssertionError ex) {
			chromium.screenshot("failed-" + test.getTestMethod().map(method -> method.getName()).orElse("test"));
			throw ex;
		}
	}

	/** Publishes as the intake service does and waits until the process offers triage. */
	String submitAndAwaitTriage() {
		String referralId = ReferralProcessScenarios.newReferralId();
		@SuppressWarnings("unchecked")
		Serializer<Object> avro = (Serializer<Object>) (Serializer<?>) new AvroEventSerializer();
		var producers = new DefaultKafkaProducerFactory<String, Object>(
				SharedTestBroker.clientConfig(SharedTestBroker.bootstrapServers()), new StringSerializer(), avro);
		try {
			new EventPublisher(new KafkaTemplate<>(producers), "/prolo/intake", Clock.systemUTC()).publishAndWait(
					EventTopics.INTAKE, ReferralProcessScenarios.submitted(referralId, "KNEE_OSTEOARTHRITIS"));
		}
		finally {
			producers.destroy();
		}
		await().atMost(TIMEOUT)
			.until(() -> tasks.createTaskQuery()
				.processInstanceBusinessKey(referralId)
				.taskDefinitionKey("triage")
				.taskCandidateGroup("intake-coordinators")
				.count() == 1);
		return referralId;
	}

	/**
	 * The webapps look their engines up lazily, on their first API request (and then also
	 * build any engine a camunda.cfg.xml on the classpath describes). Tasklist loads its
	 * plugins with RequireJS, which gives up after 7 seconds and leaves the page at its
	 * spinner: that first request is made here, where it may take as long as it needs.
	 */
	void warmUpWebapps() throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
		String bearer = new DemoSignIn(identity.issuer()).signIn("ingrid").bearer();
		for (String path : List.of("/camunda/api/engine/engine",
				"/camunda/api/tasklist/plugin/tasklistPlugins/static/app/plugin.js",
				"/camunda/app/tasklist/default/")) {
			HttpResponse<Void> response = http
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
					.header("Authorization", bearer)
					.timeout(TIMEOUT)
					.build(), HttpResponse.BodyHandlers.discarding());
			assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
		}
	}

	static LocatorAssertions expect(Locator locator) {
		return PlaywrightAssertions.assertThat(locator);
	}

	static Locator.FilterOptions exactText(String text) {
		// The pattern runs as a JavaScript RegExp, which has no \Q...\E quoting.
		String escaped = text.replaceAll("\\W", "\\\\$0");
		return new Locator.FilterOptions().setHasText(Pattern.compile("^\\s*" + escaped + "\\s*$"));
	}

}
