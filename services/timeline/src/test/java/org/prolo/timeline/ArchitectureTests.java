package org.prolo.timeline;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The domain is the timeline package (entries, status, FHIR mapping, stages) and the kpi
 * package (percentiles, key figures): plain Java.
 */
@AnalyzeClasses(packages = "org.prolo.timeline", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule domainIsPlainJava = noClasses().that()
		.resideInAnyPackage("org.prolo.timeline.timeline..", "org.prolo.timeline.kpi..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "org.apache.kafka..", "org.apache.avro..", "org.camunda..",
				"org.prolo.events..", "org.prolo.platform..");

	@ArchTest
	static final ArchRule domainDoesNotReachIntoAdapters = noClasses().that()
		.resideInAnyPackage("org.prolo.timeline.timeline..", "org.prolo.timeline.kpi..")
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
	static final ArchRule webDoesNotUseKafka = noClasses().that()
		.resideInAPackage("org.prolo.timeline.web..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..");

}
