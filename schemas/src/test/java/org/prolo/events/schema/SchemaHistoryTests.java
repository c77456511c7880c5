package org.prolo.events.schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaHistoryTests {

	private static final String V1 = """
			{"type":"record","name":"ReferralClosed","namespace":"org.prolo.events","fields":[
			  {"name":"referralId","type":"string"},
			  {"name":"outcome","type":"string"}]}
			""";

	@TempDir
	Path events;

	@Test
	void acceptsThePublishedContracts() {
		var report = SchemaHistory.check(Path.of("events"));

		assertThat(report.problems()).isEmpty();
		assertThat(report.latest()).extracting(SchemaHistory.Version::event)
			.contains("ReferralSubmitted", "ReferralTriageStarted", "ReferralClosed", "SessionsScheduled",
					"ReferrerNotified", "AppointmentsCancelled", "ImagingOrderClosed", "AppointmentWaitlisted",
					"WaitingListLeft")
			.hasSize(19);
	}

	@Test
	void acceptsAnOptionalFieldWithADefault() throws IOException {
		publish("v1", V1);
		publish("v2", V1.replace("\"type\":\"string\"}]", "\"type\":\"string\"},"
				+ "{\"name\":\"reasonCode\",\"type\":[\"null\",\"string\"],\"default\":null}]"));

		var report = SchemaHistory.check(events);

		assertThat(report.problems()).isEmpty();
		assertThat(report.latest()).singleElement().extracting(SchemaHistory.Version::number).isEqualTo(2);
	}

	@Test
	void rejectsANewRequiredFieldAsNotBackwardCompatible() throws IOException {
		publish("v1", V1);
		publish("v2", V1.replace("\"type\":\"string\"}]",
				"\"type\":\"string\"},{\"name\":\"closedBy\",\"type\":\"string\"}]"));

		var report = SchemaHistory.check(events);

		assertThat(report.sound()).isFalse();
		assertThat(report.problems()).singleElement()
			.asString()
			.contains("ReferralClosed: v2 is not backward compatible with v1")
			.contains("closedBy");
	}

	@Test
	void rejectsARemovedFieldWithoutDefaultAsNotForwardCompatible() throws IOException {
		publish("v1", V1);
		publish("v2", V1.replace(",\n  {\"name\":\"outcome\",\"type\":\"string\"}", ""));

		var report = SchemaHistory.check(events);

		assertThat(report.problems()).singleElement()
			.asString()
			.contains("v2 is not forward compatible with v1")
			.contains("outcome");
	}

	@Test
	void rejectsAGapInTheVersions() throws IOException {
		publish("v1", V1);
		publish("v3", V1);

		assertThat(SchemaHistory.check(events).problems())
			.anySatisfy(problem -> assertThat(problem).contains("without gaps"));
	}

	@Test
	void rejectsAFileNamedAfterAnotherEvent() throws IOException {
		Files.createDirectories(events.resolve("ReferralOpened"));
		Files.writeString(events.resolve("ReferralOpened/v1.avsc"), V1);

		assertThat(SchemaHistory.check(events).problems())
			.anySatisfy(problem -> assertThat(problem).contains("named ReferralClosed, not ReferralOpened"));
	}

	@Test
	void failsTheBuildStepWithTheReason() throws Exception {
		publish("v1", V1);
		publish("v2", V1.replace("\"string\"}]", "\"int\"}]"));

		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"),
				Path.of("src/build/java/org/prolo/events/schema/SchemaHistory.java").toString(), events.toString(),
				events.resolveSibling(events.getFileName() + "-latest").toString(),
				events.resolveSibling(events.getFileName() + "-index.txt").toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes());

		assertThat(process.waitFor()).isEqualTo(1);
		assertThat(output).contains("ReferralClosed: v2 is not backward compatible with v1");
	}

	private void publish(String version, String schema) throws IOException {
		Files.createDirectories(events.resolve("ReferralClosed"));
		Files.writeString(events.resolve("ReferralClosed").resolve(version + ".avsc"), schema);
	}

}
