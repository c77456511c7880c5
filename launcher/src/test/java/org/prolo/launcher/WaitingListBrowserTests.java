package org.prolo.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.prolo.launcher.PortalBrowserTests.expect;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A full calendar and the waiting list, end to end in the launched stack and a real
 * Chromium. The clinic takes one booking a day and is closed on every working day of the
 * booking horizon but one ({@link #openDay}), so the first referral accepted takes the
 * only slot and the second waits: scheduling lists it, Dr Ada gets the "waiting for an
 * appointment" letter and sees the status in intake. Ingrid finds it on the portal's
 * waiting list without the form; Leo finds it there too, is told a closed day takes no
 * slots, adds one on the open day and sees the referral booked; the booking, the
 * "examination booked" letter and the status back to Accepted follow. Screenshots go to
 * {@code launcher/target/browser-screenshots/waiting-list-*.png}.
 */
// System tier: the launched stack and a real Chromium.
@Tag("system")
class WaitingListBrowserTests {

	static final Duration PROCESS_TIMEOUT = OverviewBrowserTests.PROCESS_TIMEOUT;

	/** The services' clinic calendar zone (prolo.clinic.time-zone's default). */
	static final ZoneId CLINIC = ZoneId.of("Europe/Berlin");

	@RegisterExtension
	static final Chromium chromium = new Chromium("waiting-list");

	static RunningStack stack;

	static Path dataDir;

	/**
	 * The only day the clinic works within the horizon: two days ahead at least, so that
	 * a midnight during the run cannot make it today (no exam is booked for today).
	 */
	static LocalDate openDay;

	/** A weekday the clinic is closed, for the refusal. */
	static LocalDate closedDay;

	@BeforeAll
	static void startTheStack() throws Exception {
		LocalDate today = LocalDate.now(CLINIC);
		openDay = weekdayOnOrAfter(today.plusDays(2));
		closedDay = weekdayOnOrAfter(openDay.plusDays(1));
		// Closed from today to well past the horizon (366 days from tomorrow) but for the
		// open day. The workflow's due dates use the same calendar, which does no harm.
		String closedDays = today + ".." + openDay.minusDays(1) + "," + runs(openDay.plusDays(1), today.plusDays(400));
		dataDir = SystemTests.ROOT.resolve("launcher/target/waiting-list-test-" + System.currentTimeMillis());
		stack = RunningStack.start(SystemTests.ROOT, dataDir,
				Map.of("PROLO_SCHEDULING_SLOTSPERDAY", "1", "PROLO_CLINIC_CLOSEDDAYS", closedDays), "--no-auto-report");
		// SystemTests' and OverviewBrowserTests' helpers sign in through its tokens.
		SystemTests.tokens = new DemoTokens(ServiceSpec.IDENTITY_URL);
	}

	@AfterAll
	static void stopTheStack() throws Exception {
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	void aReferralAcceptedIntoAFullCalendarWaitsUntilALeadAddsASlotInThePortal(TestInfo test) throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String firstPatient = "Wilma Testpatient-" + suffix;
		String waitingPatient = "Walter Testpatient-" + suffix;

		// The first referral accepted takes the calendar's only slot.
		String first = OverviewBrowserTests.submit(firstPatient);
		OverviewBrowserTests.complete(first, "triage", "ingrid", Map.of("triageOutcome", "ACCEPTED"));
		JsonNode firstExam = await().atMost(PROCESS_TIMEOUT)
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> appointments(first), booked -> booked.size() == 1)
			.get(0);
		assertThat(firstExam.get("date").asText()).isEqualTo(openDay.toString());

		// The next one waits: on the list, in a letter to its referrer, in its status.
		String waiting = OverviewBrowserTests.submit(waitingPatient);
		OverviewBrowserTests.complete(waiting, "triage", "ingrid", Map.of("triageOutcome", "ACCEPTED"));
		JsonNode entry = await().atMost(PROCESS_TIMEOUT)
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> entryOf(waiting), found -> found != null && found.hasNonNull("patientPseudonym"));
		assertThat(entry.get("purpose").asText()).isEqualTo("EXAM");
		assertThat(entry.get("urgency").asText()).isEqualTo("ROUTINE");
		assertThat(entry.get("daysWaiting").asLong()).isZero();
		String pseudonym = entry.get("patientPseudonym").asText();
		assertThat(appointments(waiting)).isEmpty();
		JsonNode waitlisted = awaitLetter(waiting, "WAITLISTED");
		assertThat(waitlisted.get("recipient").asText()).isEqualTo("ada@referrers.example");
		assertThat(waitlisted.get("body").asText()).doesNotContain(waitingPatient);
		awaitStatus(waiting, "WAITING_FOR_APPOINTMENT");

		Page ingrid = chromium.pageOf("ingrid");
		Page leo = chromium.pageOf("leo");
		Page current = ingrid;
		try {
			// Ingrid, an intake coordinator, reads the list; adding slots is not hers.
			ingrid.navigate(ServiceSpec.PORTAL_URL + "waiting-list");
			OverviewBrowserTests.signIn(ingrid, "ingrid");
			expect(ingrid.locator("h1")).hasText("Waiting list");
			expect(cells(ingrid, waiting).nth(1)).hasText(pseudonym);
			expect(ingrid.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Add slots"))).hasCount(0);
			expect(ingrid.locator("form[action$='/waiting-list/slots']")).hasCount(0);
			chromium.screenshot(ingrid, "1-intake-coordinator-reads-the-list");

			// Leo, a clinic lead, comes from the staff page.
			current = leo;
			leo.navigate(ServiceSpec.PORTAL_URL);
			OverviewBrowserTests.signIn(leo, "leo");
			expect(leo.locator(".site-name")).hasText("Prolotherapy clinic · Staff pages");
			leo.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("waiting list").setExact(true)).click();
			expect(leo.locator("h1")).hasText("Waiting list");
			Locator exams = leo.locator("section#exam");
			expect(exams.locator("p.waiting-summary"))
				.containsText("1 referral waits for an exam; the longest has waited 0 days (since ");
			Locator row = cells(leo, waiting);
			expect(row.nth(0)).hasText("1");
			expect(row.nth(1)).hasText(pseudonym);
			expect(row.nth(2)).hasText("Exam");
			expect(row.nth(3)).hasText("Routine");
			expect(row.nth(5)).hasText("0 days");
			expect(exams.locator("table caption")).hasText("Waiting for an exam, in the order of booking");
			assertThat(leo.content()).doesNotContain(waitingPatient).doesNotContain(firstPatient);
			chromium.screenshot(leo, "2-clinic-lead-sees-the-list");

			// A closed day takes no slots: scheduling's refusal, next to the field.
			leo.getByLabel("Day").fill(closedDay.toString());
			leo.getByLabel("Number of slots").fill("1");
			leo.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add slots")).click();
			expect(leo.locator("#date-error")).containsText("Day must be a day the clinic works.");
			expect(leo.locator(".error-summary")).isVisible();
			chromium.screenshot(leo, "3-closed-day-refused");

			// A slot on the open day books the waiting referral at once.
			leo.getByLabel("Day").fill(openDay.toString());
			leo.getByLabel("Number of slots").fill("1");
			leo.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add slots")).click();
			expect(leo.locator(".confirmation")).containsText("1 waiting referral booked (" + waiting + ")");
			expect(exams.locator("p.waiting-summary")).hasText("No referral waits for an exam.");
			expect(leo.locator("table.waiting-list")).hasCount(0);
			chromium.screenshot(leo, "4-slot-added-and-booked");

			// The overview's longest bar label (timeline lists every open status, this
			// one too) is no longer cut off on the left.
			leo.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Clinic overview").setExact(true)).click();
			Locator open = leo.locator("section[aria-labelledby=open-title]");
			Locator longest = open.locator("svg text.bar-label", new Locator.LocatorOptions()
				.setHasText(PortalBrowserTests.exactly("Accepted, waiting for an appointment")));
			expect(longest).hasCount(1);
			BoundingBox chart = open.locator("svg[role=img]").boundingBox();
			BoundingBox label = longest.boundingBox();
			assertThat(label.x).as("the label's left edge").isGreaterThanOrEqualTo(chart.x);
			chromium.screenshot(leo, "5-overview-labels");
		}
		catch (RuntimeException | AssertionError ex) {
			chromium.screenshot(current,
					"failed-" + test.getTestMethod().map(method -> method.getName()).orElse("test"));
			throw ex;
		}

		// Booked as a waiting referral is: SessionsScheduled, its letter, the status
		// back.
		JsonNode exam = await().atMost(PROCESS_TIMEOUT)
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> appointments(waiting), booked -> booked.size() == 1)
			.get(0);
		assertThat(exam.get("purpose").asText()).isEqualTo("EXAM");
		assertThat(exam.get("date").asText()).isEqualTo(openDay.toString());
		assertThat(entryOf(waiting)).isNull();
		await().atMost(PROCESS_TIMEOUT)
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(SystemTests
				.types(SystemTests.get("http://127.0.0.1:8085/api/referrals/" + waiting + "/timeline", "leo")))
				.containsSubsequence("AppointmentWaitlisted", "SessionsScheduled"));
		JsonNode booked = awaitLetter(waiting, "BOOKED_FROM_WAITING_LIST");
		assertThat(booked.get("body").asText()).doesNotContain(waitingPatient);
		awaitStatus(waiting, "ACCEPTED");

		SystemTests.noServiceLogsPatientData(dataDir, waitingPatient);
	}

	/**
	 * The data cells of the referral's row of the waiting list: place, pseudonym,
	 * purpose, urgency, waiting since, days waiting.
	 */
	private static Locator cells(Page page, String referralId) {
		return page.locator("table.waiting-list tbody tr")
			.filter(new Locator.FilterOptions().setHas(
					page.locator("th", new Page.LocatorOptions().setHasText(PortalBrowserTests.exactly(referralId)))))
			.locator("td");
	}

	private static JsonNode appointments(String referralId) throws Exception {
		return SystemTests.get("http://127.0.0.1:8083/api/referrals/" + referralId + "/appointments", "carl");
	}

	/**
	 * The referral's open entry on scheduling's waiting list, as a clinic lead reads it;
	 * null without one.
	 */
	private static JsonNode entryOf(String referralId) throws Exception {
		for (JsonNode entry : SystemTests.get("http://127.0.0.1:8083/api/waiting-list", "leo")) {
			if (entry.get("referralId").asText().equals(referralId)) {
				return entry;
			}
		}
		return null;
	}

	private static JsonNode awaitLetter(String referralId, String kind) {
		JsonNode letters = await().atMost(PROCESS_TIMEOUT)
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> SystemTests.get("http://127.0.0.1:8084/api/letters?referralId=" + referralId, "leo"),
					found -> letterOf(found, kind) != null);
		return letterOf(letters, kind);
	}

	private static JsonNode letterOf(JsonNode letters, String kind) {
		for (JsonNode letter : letters) {
			if (letter.get("kind").asText().equals(kind)) {
				return letter;
			}
		}
		return null;
	}

	/** The status intake shows the referral's physician. */
	private static void awaitStatus(String referralId, String status) {
		await().atMost(PROCESS_TIMEOUT)
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(
					() -> assertThat(SystemTests.get("http://127.0.0.1:8081/api/referrals/" + referralId, "dr-ada")
						.get("status")
						.asText()).isEqualTo(status));
	}

	/**
	 * The days from one to the other as closed-days runs, each shorter than the longest
	 * run the calendar takes for a closure (a year).
	 */
	private static String runs(LocalDate from, LocalDate to) {
		List<String> runs = new ArrayList<>();
		for (LocalDate start = from; !start.isAfter(to); start = start.plusDays(200)) {
			LocalDate end = start.plusDays(199).isAfter(to) ? to : start.plusDays(199);
			runs.add(start + ".." + end);
		}
		return String.join(",", runs);
	}

	private static LocalDate weekdayOnOrAfter(LocalDate day) {
		LocalDate candidate = day;
		while (candidate.getDayOfWeek() == DayOfWeek.SATURDAY || candidate.getDayOfWeek() == DayOfWeek.SUNDAY) {
			candidate = candidate.plusDays(1);
		}
		return candidate;
	}

}
