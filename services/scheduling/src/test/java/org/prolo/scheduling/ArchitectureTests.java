package org.prolo.scheduling;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.prolo.platform.events.EventPublisher;
import org.prolo.platform.events.OutboxRelay;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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
	static final ArchRule domainIsPlainJava = noClasses().that()
		.resideInAPackage(DOMAIN)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "org.apache.kafka..", "org.apache.avro..", "org.camunda..",
				"org.prolo.events..", "org.prolo.platform..", "com.fasterxml..", "jakarta..");

	@ArchTest
	static final ArchRule domainDoesNotKnowItsAdapters = noClasses().that()
		.resideInAPackage(DOMAIN)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.prolo.scheduling.listener..", "org.prolo.scheduling.appointments..",
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
	static final ArchRule restApiDoesNotTalkToKafka = noClasses().that()
		.resideInAPackage("org.prolo.scheduling.appointments..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..", "org.prolo.events..");

	@ArchTest
	static final ArchRule onlyTheOutboxListenerPublishesToKafka = noClasses().that()
		.resideOutsideOfPackage("org.prolo.scheduling.publishing..")
		.should()
		.dependOnClassesThat()
		.areAssignableTo(EventPublisher.class)
		.orShould()
		.dependOnClassesThat()
		.areAssignableTo(OutboxRelay.class);

	@ArchTest
	static final ArchRule featuresAreFreeOfCycles = slices().matching("org.prolo.scheduling.(*)..")
		.should()
		.beFreeOfCycles();

}
