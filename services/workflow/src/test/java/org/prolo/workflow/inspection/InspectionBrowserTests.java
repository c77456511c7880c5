package org.prolo.workflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.prolo.platform.testing.SharedBrokerSignIn;
import org.prolo.workflow.HeadlessChromium;
import org.prolo.workflow.IdentityServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * A clinic lead signs in at the real identity service ({@link IdentityServer}) and opens
 * the inspection page of a referral whose job after triage failed
 * ({@link InjectedFailures}), in a real Chromium: sees the incident with its error and
 * that the events are unavailable (no timeline service runs here; the service's token for
 * it comes from the identity service), clicks Retry once the cause is fixed (the page's
 * POST carries the session's CSRF token), and sees the page re-render with no incident
 * and the referral at Record pain history.
 *
 * <p>
 * Uses Debian's Chromium at {@value HeadlessChromium#CHROMIUM} like TasklistBrowserTests
 * (CI installs it; without it the test fails, it does not skip). Screenshots go to
 * {@code target/browser-screenshots/}.
 */
// System tier: a real Chromium and the identity service in a JVM of its own.
@Tag("system")
// The demo profile, explicitly: the real identity service's demo user signs in through
// its demo client prolo-web, and the service gets its token with the demo workflow
// secret.
@ActiveProfiles("demo")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "camunda.bpm.job-execution.max-wait=1000", "camunda.bpm.job-execution.wait-time-in-millis=200",
				"prolo.inspection.timeline-timeout=PT1S" })
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:workflow-${random.uuid};DB_CLOSE_DELAY=-1")
@Import({ InjectedFailures.class, SharedBrokerSignIn.class })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class InspectionBrowserTests {

	static final Duration TIMEOUT = Duration.ofMinutes(2);

	@RegisterExtension
	static final HeadlessChromium chromium = new HeadlessChromium("inspection");

	/**
	 * Chosen before the service starts: the identity service must know its redirect URI.
	 */
	static final int port = IdentityServer.freePort();

	static IdentityServer identity;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	InjectedFailures failures;

	@BeforeAll
	static void startIdentityService() {
		identity = IdentityServer.start("inspection", port);
	}

	@AfterAll
	static void stopIdentityService() {
		if (identity != null) {
			identity.close();
		}
	}

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) throws IOException {
		registry.add("server.port", () -> port);
		registry.add("prolo.security.issuer", () -> identity.issuer());
		// Nothing listens there: the page must say the events are unavailable.
		int closedPort;
		try (var socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		registry.add("prolo.inspection.timeline-url", () -> "http://127.0.0.1:" + closedPort);
	}

	@Test
	void clinicLeadRetriesAFailedJobAndSeesTheReferralMoveOn(Page page, TestInfo test) {
		String referralId = referralStuckAfterTriage();
		Job failed = management.createJobQuery()
			.processInstanceId(processOf(referralId))
			.withException()
			.singleResult();
		try {
			page.navigate("http://localhost:" + port + "/inspect.html?referral=" + referralId);
			IdentityServer.signIn(page, "leo");

			expect(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Why is this referral stuck?")))
				.isVisible();
			expect(page.getByLabel("Referral id")).hasValue(referralId);
			expect(page.locator("#status-state")).hasText("ACTIVE");
			expect(page.locator("#status-stage")).hasText("Triage");
			Locator incidents = page.locator("#incidents tbody");
			expect(incidents).containsText("Injected failure: referral " + referralId + " cannot enter record-history");
			expect(incidents).containsText("Triage referral (triage)");
			expect(page.locator("#activities tbody")).containsText("incident");
			expect(page.locator("#jobs tbody")).containsText(failed.getId());
			expect(page.locator("#events-unavailable")).isVisible();
			expect(page.locator("#events-unavailable")).containsText("Events unavailable");
			expect(page.locator("#tasks tbody")).hasText("No open tasks");
			expect(page.locator("#dead-letters tbody")).hasText("No dead letters");
			chromium.screenshot("1-failed-job");

			page.getByText("Stack trace").click();
			expect(page.locator("#jobs pre")).containsText(InjectedFailures.InjectedFailure.class.getName());

			failures.heal(referralId);
			Locator retry = page.getByRole(AriaRole.BUTTON,
					new Page.GetByRoleOptions().setName("Retry job " + failed.getId()));
			// Keyboard, as a lead without a mouse would.
			retry.focus();
			page.keyboard().press("Enter");

			expect(page.locator("#message")).containsText("ran");
			expect(incidents).hasText("No open incidents");
			expect(page.locator("#jobs tbody")).hasText("No failed jobs");
			expect(page.locator("#status-stage")).hasText("History");
			expect(page.locator("#activities tbody")).containsText("Record pain history");
			expect(page.locator("#tasks tbody")).containsText("clinical-coordinators");
			chromium.screenshot("2-after-retry");
		}
		catch (RuntimeException | AssertionError ex) {
			chromium.screenshot("failed-" + test.getTestMethod().map(method -> method.getName()).orElse("test"));
			throw ex;
		}
		assertThat(runtime.createIncidentQuery().processInstanceId(failed.getProcessInstanceId()).count()).isZero();
		assertThat(tasks.createTaskQuery().processInstanceBusinessKey(referralId).singleResult().getTaskDefinitionKey())
			.isEqualTo("record-history");
	}

	/** Any staff member may look. */
	@Test
	void tellsAboutAnUnknownReferral(Page page) {
		page.navigate("http://localhost:" + port + "/inspect.html");
		IdentityServer.signIn(page, "ingrid");
		page.getByLabel("Referral id").fill("ref-nobody-knows");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Inspect")).click();

		expect(page.locator("#message")).containsText("Referral not found");
		expect(page.locator("#content")).isHidden();
		chromium.screenshot("3-unknown-referral");
	}

	String referralStuckAfterTriage() {
		String referralId = Referrals.newReferralId();
		Referrals.submitAndAwaitTriage(referralId, tasks, TIMEOUT);
		failures.breakReferral(referralId);
		tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(referralId).singleResult().getId(),
				Map.of("triageOutcome", "ACCEPTED"));
		await().atMost(TIMEOUT)
			.until(() -> management.createJobQuery()
				.processInstanceId(processOf(referralId))
				.withException()
				.noRetriesLeft()
				.count() == 1);
		return referralId;
	}

	String processOf(String referralId) {
		return runtime.createProcessInstanceQuery().processInstanceBusinessKey(referralId).singleResult().getId();
	}

	static LocatorAssertions expect(Locator locator) {
		return PlaywrightAssertions.assertThat(locator);
	}

}
