package org.prolo.imaging;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.prolo.platform.events.EventPublisher;
import org.prolo.platform.events.OutboxRelay;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The domain is {@code org.prolo.imaging.order}: plain Java. Adapters ({@code requests}
 * Kafka in, {@code worklist} REST, {@code reports} Kafka out, {@code store} JDBC) depend
 * on it, never the other way round.
 */
@AnalyzeClasses(packages = "org.prolo.imaging", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	static final String DOMAIN = "org.prolo.imaging.order..";

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
		.resideInAnyPackage("org.prolo.imaging.requests..", "org.prolo.imaging.worklist..",
				"org.prolo.imaging.reports..", "org.prolo.imaging.store..");

	@ArchTest
	static final ArchRule restApiDoesNotTalkToKafka = noClasses().that()
		.resideInAPackage("org.prolo.imaging.worklist..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..", "org.prolo.events..");

	@ArchTest
	static final ArchRule onlyTheOutboxListenerPublishesToKafka = noClasses().that()
		.resideOutsideOfPackage("org.prolo.imaging.reports..")
		.should()
		.dependOnClassesThat()
		.areAssignableTo(EventPublisher.class)
		.orShould()
		.dependOnClassesThat()
		.areAssignableTo(OutboxRelay.class);

	@ArchTest
	static final ArchRule nothingDependsOnTheDemo = noClasses().that()
		.resideOutsideOfPackage("org.prolo.imaging.demo..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.prolo.imaging.demo..");

	@ArchTest
	static final ArchRule featuresAreFreeOfCycles = slices().matching("org.prolo.imaging.(*)..")
		.should()
		.beFreeOfCycles();

}
