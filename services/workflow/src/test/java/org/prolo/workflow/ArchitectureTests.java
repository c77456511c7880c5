package org.prolo.workflow;

import org.prolo.platform.testing.ServiceArchitecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * The domain (org.prolo.workflow.lifecycle) is plain Java; Camunda, Kafka and outbox
 * adapters stay in their packages.
 */
@AnalyzeClasses(packages = "org.prolo.workflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	static final String DOMAIN = "org.prolo.workflow.lifecycle..";

	@ArchTest
	static final ArchRule domainIsPlainJava = ServiceArchitecture.plainJava(new String[] { DOMAIN });

	@ArchTest
	static final ArchRule camundaDelegatesAndListenersAreProcessAdapters = classes().that()
		.implement(TaskListener.class)
		.or()
		.implement(ExecutionListener.class)
		.or()
		.implement(JavaDelegate.class)
		.should()
		.resideInAPackage("org.prolo.workflow.process..");

	@ArchTest
	static final ArchRule kafkaListenersAreInboundAdapters = classes().that()
		.areAnnotatedWith(KafkaListener.class)
		.should()
		.resideInAPackage("org.prolo.workflow.inbound..");

	@ArchTest
	static final ArchRule onlyTheOutboxTalksAvro = noClasses().that()
		.resideOutsideOfPackages("org.prolo.workflow.outbox..", "org.prolo.workflow.inbound..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.prolo.events..");

	@ArchTest
	static final ArchRule outboxRelaysAreInTheOutbox = classes().that()
		.containAnyMethodsThat(com.tngtech.archunit.base.DescribedPredicate.describe("are application module listeners",
				method -> method.isAnnotatedWith(ApplicationModuleListener.class)))
		.should()
		.resideInAPackage("org.prolo.workflow.outbox..");

}
