package org.prolo.imaging;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.prolo.platform.testing.ServiceArchitecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The domain is {@code org.prolo.imaging.order}: plain Java. Adapters ({@code requests}
 * Kafka in, {@code worklist} REST, {@code reports} Kafka out, {@code store} JDBC) depend
 * on it, never the other way round.
 */
@AnalyzeClasses(packages = "org.prolo.imaging", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	static final String DOMAIN = "org.prolo.imaging.order..";

	@ArchTest
	static final ArchRule domainIsPlainJava = ServiceArchitecture.plainJava(new String[] { DOMAIN }, "com.fasterxml..",
			"jakarta..");

	@ArchTest
	static final ArchRule domainDoesNotKnowItsAdapters = ServiceArchitecture.independent(DOMAIN,
			"org.prolo.imaging.requests..", "org.prolo.imaging.worklist..", "org.prolo.imaging.reports..",
			"org.prolo.imaging.store..");

	@ArchTest
	static final ArchRule restApiDoesNotTalkToKafka = ServiceArchitecture.independent("org.prolo.imaging.worklist..",
			ServiceArchitecture.KAFKA);

	@ArchTest
	static final ArchRule onlyTheOutboxListenerPublishesToKafka = ServiceArchitecture
		.onlyPublisher("org.prolo.imaging.reports..");

	@ArchTest
	static final ArchRule nothingDependsOnTheDemo = noClasses().that()
		.resideOutsideOfPackage("org.prolo.imaging.demo..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.prolo.imaging.demo..");

	@ArchTest
	static final ArchRule featuresAreFreeOfCycles = ServiceArchitecture.featuresFreeOfCycles("org.prolo.imaging");

}
