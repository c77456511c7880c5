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
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.prolo.platform.broker.SharedTestBroker;
import org.prolo.platform.events.AvroEventSerializer;
import org.prolo.platform.events.EventPublisher;
import org.prolo.platform.events.EventTopics;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * An intake coordinator works a triage task in Camunda Tasklist, in a real Chromium:
 * signs in, opens her groups' filter, claims the referral's task, fills the Camunda Form
 * and completes it. The engine then says who completed it with which outcome.
 *
 * <p>
 * Uses Debian's Chromium at {@value HeadlessChromium#CHROMIUM} (CI installs it; without
 * it the test fails, it does not skip). Screenshots of each step go to
 * {@code target/browser-screenshots/}.
 *
 * <p>
 * The context configuration is ReferralProcessTests' own, so both classes have the same
 * context cache key. Like those scenarios it closes its context afterwards: a context
 * left open would keep a consumer in the group "workflow" (stealing partitions from the
 * next class's nodes) and the "default" engine in Camunda's static registry.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		// Topics other services own: declared here because the test has no intake or
		// imaging service.
		"prolo.events.owned-topics=workflow.referral-events,intake.referral-events,imaging.imaging-events",
		"prolo.workflow.kept-message-sweep=PT1S" })
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:workflow-${random.uuid};DB_CLOSE_DELAY=-1")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TasklistBrowserTests {

	static final Duration TIMEOUT = Duration.ofMinutes(2);

	@RegisterExtension
	static final HeadlessChromium chromium = new HeadlessChromium("tasklist");

	@LocalServerPort
	int port;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	RuntimeService runtime;

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", SharedTestBroker::bootstrapServers);
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
			page.getByPlaceholder("Username").fill("ingrid");
			page.getByPlaceholder("Password").fill("ingrid");
			page.locator("form button[type=submit]").click();

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
			expect(page.getByLabel("Reason code (why rejected)")).hasCount(0);
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

	/** Publishes as the intake service does and waits until the process offers triage. */
	String submitAndAwaitTriage() {
		String referralId = ReferralProcessScenarios.newReferralId();
		@SuppressWarnings("unchecked")
		Serializer<Object> avro = (Serializer<Object>) (Serializer<?>) new AvroEventSerializer();
		var producers = new DefaultKafkaProducerFactory<String, Object>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestBroker.bootstrapServers()),
				new StringSerializer(), avro);
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
		for (String path : List.of("/camunda/api/engine/engine",
				"/camunda/api/tasklist/plugin/tasklistPlugins/static/app/plugin.js",
				"/camunda/app/tasklist/default/")) {
			HttpResponse<Void> response = http.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(TIMEOUT).build(),
					HttpResponse.BodyHandlers.discarding());
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
