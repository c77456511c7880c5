package org.prolo.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReadyTableTests {

	private final String table = ReadyTable.format(ServiceSpec.ALL, "127.0.0.1:9092", Duration.ofMillis(47_350));

	@Test
	void listsEveryServiceWithItsUrls() {
		assertThat(table).contains("http://localhost:8080/camunda/app/tasklist/",
				"http://localhost:8080/engine-rest/task", "http://localhost:8080/inspect.html",
				"http://localhost:8081/fhir/metadata", "http://localhost:8081/swagger-ui.html",
				"POST http://localhost:8081/api/referrals", "http://localhost:8082/swagger-ui.html",
				"http://localhost:8083/swagger-ui.html", "http://localhost:8084/swagger-ui.html",
				"http://localhost:8085/swagger-ui.html", "127.0.0.1:9092");
		for (ServiceSpec service : ServiceSpec.ALL) {
			assertThat(table).containsPattern("(?m)^  " + service.name() + " +http");
		}
	}

	@Test
	void namesAServiceOnlyOnItsFirstLine() {
		assertThat(table)
			.containsPattern("(?m)^  workflow +http://localhost:8080/camunda/app/tasklist/ +Camunda Tasklist$");
		assertThat(table)
			.containsPattern("(?m)^ +http://localhost:8080/engine-rest/task +Camunda REST API: open tasks$");
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
	void showsTheDemoLoginsAndTheStartupTime() {
		assertThat(table).containsPattern("(?m)^  demo +demo +admin$")
			.containsPattern("(?m)^  ingrid +ingrid +intake-coordinators$")
			.containsPattern("(?m)^  carl +carl +clinical-coordinators$")
			.containsPattern("(?m)^  clara +clara +clinicians$")
			.containsPattern("(?m)^  leo +leo +clinic-leads$")
			.endsWith("All 6 services up in 47.3 s.");
	}

	@Test
	void secondsAreShownToOneDecimal() {
		assertThat(ReadyTable.seconds(Duration.ofMillis(999))).isEqualTo("0.9 s");
		assertThat(ReadyTable.seconds(Duration.ofSeconds(120))).isEqualTo("120.0 s");
	}

}
