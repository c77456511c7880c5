package org.prolo.notification;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.prolo.platform.testing.ServiceArchitecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The domain is the letter package and the referrer contact record: plain Java, so the
 * letter policy can be read and tested without Spring, Kafka or Avro.
 */
@AnalyzeClasses(packages = "org.prolo.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule domainIsPlainJava = noClasses().that()
		.resideInAPackage("org.prolo.notification.letter..")
		.or()
		.haveFullyQualifiedName("org.prolo.notification.referrer.ReferrerContact")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "org.apache.kafka..", "org.apache.avro..", "org.camunda..",
				"org.prolo.events..", "org.prolo.platform..", "jakarta.mail..", "com.icegreen..");

	@ArchTest
	static final ArchRule domainDoesNotReachIntoAdapters = ServiceArchitecture.independent(
			"org.prolo.notification.letter..", "org.prolo.notification.listener..", "org.prolo.notification.outbox..",
			"org.prolo.notification.mail..", "org.prolo.notification.web..");

	@ArchTest
	static final ArchRule onlyListenersTouchAvroEvents = noClasses().that()
		.resideOutsideOfPackages("org.prolo.notification.listener..", "org.prolo.notification.outbox..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.prolo.events..");

	@ArchTest
	static final ArchRule listenersOnlyCallTheUseCases = classes().that()
		.resideInAPackage("org.prolo.notification.listener..")
		.should()
		.onlyDependOnClassesThat()
		.resideInAnyPackage("org.prolo.notification.listener..", "org.prolo.notification.outbox..",
				"org.prolo.notification.referrer..", "org.prolo.events..", "org.prolo.platform.events..",
				"org.springframework..", "org.slf4j..", "java..");

}
