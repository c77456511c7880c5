package org.prolo.timeline;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.prolo.platform.testing.ServiceArchitecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The domain is the timeline package (entries, status, FHIR mapping, stages) and the kpi
 * package (percentiles, key figures): plain Java.
 */
@AnalyzeClasses(packages = "org.prolo.timeline", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	static final String[] DOMAIN = { "org.prolo.timeline.timeline..", "org.prolo.timeline.kpi.." };

	@ArchTest
	static final ArchRule domainIsPlainJava = ServiceArchitecture.plainJava(DOMAIN);

	@ArchTest
	static final ArchRule domainDoesNotReachIntoAdapters = noClasses().that()
		.resideInAnyPackage(DOMAIN)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.prolo.timeline.listener..", "org.prolo.timeline.store..", "org.prolo.timeline.web..");

	@ArchTest
	static final ArchRule onlyListenersTouchAvroEvents = noClasses().that()
		.resideOutsideOfPackage("org.prolo.timeline.listener..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.prolo.events..");

	@ArchTest
	static final ArchRule webDoesNotUseKafka = ServiceArchitecture.independent("org.prolo.timeline.web..",
			"org.apache.kafka..", "org.springframework.kafka..");

}
