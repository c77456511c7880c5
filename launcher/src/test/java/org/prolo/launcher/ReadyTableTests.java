package org.prolo.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReadyTableTests {

	private final String table = ReadyTable.format(ServiceSpec.ALL, "127.0.0.1:9092", Duration.ofMillis(47_350));

	@Test
	void listsEveryServiceWithItsUrls() {
		assertThat(table).contains("http://localhost:8086/", "http://localhost:9000/.well-known/openid-configuration",
				"http://localhost:8080/camunda/app/tasklist/", "GET http://localhost:8080/engine-rest/task",
				"http://localhost:8080/inspect.html", "http://localhost:8081/fhir/metadata",
				"http://localhost:8081/swagger-ui.html", "POST http://localhost:8081/api/referrals",
				"http://localhost:8082/swagger-ui.html", "http://localhost:8083/swagger-ui.html",
				"http://localhost:8084/swagger-ui.html", "http://localhost:8085/swagger-ui.html", "127.0.0.1:9092");
		for (ServiceSpec service : ServiceSpec.ALL) {
			assertThat(table).containsPattern("(?m)^  " + service.name() + " +http");
		}
	}

	@Test
	void namesAServiceOnlyOnItsFirstLine() {
		assertThat(table)
			.containsPattern("(?m)^  workflow +http://localhost:8080/camunda/app/tasklist/ +Camunda Tasklist$");
		assertThat(table).containsPattern(
				"(?m)^ +GET http://localhost:8080/engine-rest/task +Camunda REST API: open tasks \\(with a token\\)$");
	}

	@Test
	void alignsTheColumns() {
		List<String> rows = table.lines()
			.takeWhile(line -> !line.isBlank())
			.filter(line -> line.contains("http") || line.startsWith("  SERVICE"))
			.toList();
		int urlColumn = rows.get(0).indexOf("URL");

		assertThat(rows).hasSizeGreaterThan(8);
		assertThat(rows).allSatisfy(row -> assertThat(row.substring(urlColumn)).doesNotStartWith(" "));
	}

	@Test
	void namesThePortalAndTheIdentityService() {
		assertThat(table).containsPattern("(?m)^  portal +http://localhost:8086/ +Physician portal$")
			.containsPattern("(?m)^  identity +http://localhost:9000/\\S+ +Sign-in");
	}

	@Test
	void saysWhomToSignInAsWithGroupsAndStartupTime() {
		assertThat(table)
			.contains("Sign in as (password = user id; physicians in the portal, clinic staff in Tasklist):")
			.containsPattern("(?m)^  dr-ada +physician +portal: ")
			.containsPattern("(?m)^  dr-ben +physician +portal: ")
			.containsPattern("(?m)^  ingrid +intake-coordinators +Tasklist: triage$")
			.containsPattern("(?m)^  carl +clinical-coordinators +Tasklist: record-history, chase-imaging$")
			.containsPattern("(?m)^  clara +clinicians +Tasklist: physical-exam, confirm-suitability, plan-course$")
			.containsPattern("(?m)^  leo +clinic-leads +")
			.containsPattern("(?m)^  demo +camunda-admin, clinic-leads +Camunda Cockpit and Admin$")
			.contains("org.prolo.launcher.Token -Dexec.args=dr-ada")
			.endsWith("All 8 services up in 47.3 s.");
	}

	@Test
	void offersTheTokenCommandOnlyWhenTheIdentityServiceRuns() {
		String withAnotherProvider = ReadyTable.format(
				Launcher.services(LauncherOptions.parse("--identity-provider", "http://localhost:8180/realms/prolo")),
				"127.0.0.1:9092", Duration.ofSeconds(60));

		assertThat(withAnotherProvider).doesNotContain("org.prolo.launcher.Token")
			.doesNotContain("localhost:9000")
			.endsWith("All 7 services up in 60.0 s.");
	}

	@Test
	void everyDemoUserIsListedOnce() {
		assertThat(ReadyTable.DEMO_LOGINS).extracting(ReadyTable.Login::user)
			.containsExactly("dr-ada", "dr-ben", "ingrid", "carl", "clara", "leo", "demo");
	}

	@Test
	void secondsAreShownToOneDecimal() {
		assertThat(ReadyTable.seconds(Duration.ofMillis(999))).isEqualTo("0.9 s");
		assertThat(ReadyTable.seconds(Duration.ofSeconds(120))).isEqualTo("120.0 s");
	}

}
