package org.prolo.scheduling;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.prolo.platform.testing.ServiceArchitecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The domain is {@code org.prolo.scheduling.booking}: plain Java, the date computation
 * included. Adapters ({@code listener} Kafka in, {@code appointments} REST,
 * {@code publishing} Kafka out, {@code store} JDBC) depend on it, never the other way
 * round.
 */
@AnalyzeClasses(packages = "org.prolo.scheduling", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	static final String DOMAIN = "org.prolo.scheduling.booking..";

	@ArchTest
	static final ArchRule domainIsPlainJava = ServiceArchitecture.plainJava(new String[] { DOMAIN }, "com.fasterxml..",
			"jakarta..");

	@ArchTest
	static final ArchRule domainDoesNotKnowItsAdapters = ServiceArchitecture.independent(DOMAIN,
			"org.prolo.scheduling.listener..", "org.prolo.scheduling.appointments..",
			"org.prolo.scheduling.publishing..", "org.prolo.scheduling.store..");

	@ArchTest
	static final ArchRule domainDoesNotReadTheSystemClock = noClasses().that()
		.resideInAPackage(DOMAIN)
		.should()
		.callMethod(java.time.LocalDate.class, "now")
		.orShould()
		.callMethod(java.time.Instant.class, "now")
		.because("the date computation takes its dates as arguments so tests can fix them");

	@ArchTest
	static final ArchRule restApiDoesNotTalkToKafka = ServiceArchitecture
		.independent("org.prolo.scheduling.appointments..", ServiceArchitecture.KAFKA);

	@ArchTest
	static final ArchRule onlyTheOutboxListenerPublishesToKafka = ServiceArchitecture
		.onlyPublisher("org.prolo.scheduling.publishing..");

	@ArchTest
	static final ArchRule featuresAreFreeOfCycles = ServiceArchitecture.featuresFreeOfCycles("org.prolo.scheduling");

}
