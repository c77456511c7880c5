package org.prolo.intake;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.prolo.platform.testing.ServiceArchitecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The domain ({@code org.prolo.intake.referral}, not its {@code storage} adapter) is
 * plain Java; the Avro contracts are touched only by the adapters that map to and from
 * them.
 */
@AnalyzeClasses(packages = "org.prolo.intake", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	static final String DOMAIN = "org.prolo.intake.referral";

	@ArchTest
	static final ArchRule domainIsPlainJava = ServiceArchitecture
		.plainJava(new String[] { DOMAIN }, "jakarta..", "com.fasterxml..", "io.swagger..")
		.because("the referral's rules must not depend on frameworks or wire formats");

	@ArchTest
	static final ArchRule domainNeedsOnlyTheJdk = classes().that()
		.resideInAPackage(DOMAIN)
		.should()
		.onlyDependOnClassesThat()
		.resideInAnyPackage(DOMAIN, "org.prolo.referralstatus..", "java..")
		.because("features and adapters depend on the domain, never the other way");

	@ArchTest
	static final ArchRule onlyEventAdaptersSpeakAvro = noClasses().that()
		.resideOutsideOfPackages("org.prolo.intake.publishing", "org.prolo.intake.progress")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.prolo.events..", "org.apache.avro..")
		.because("only the outbox relay and the workflow listener map to and from the event contracts");

	@ArchTest
	static final ArchRule featuresUseThePortNotTheStorage = noClasses().that()
		.resideOutsideOfPackage("org.prolo.intake.referral.storage")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.prolo.intake.referral.storage");

	@ArchTest
	static final ArchRule onlyTheEventAdaptersUseKafka = noClasses().that()
		.resideOutsideOfPackages("org.prolo.intake.publishing", "org.prolo.intake.progress")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..", "org.prolo.platform.events..");

	@ArchTest
	static final ArchRule useCasesTakeAnActorNotAToken = noClasses().that()
		.areAnnotatedWith(org.springframework.stereotype.Service.class)
		.or()
		.resideInAPackage(DOMAIN)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.security..", "org.prolo.platform.security")
		.because("who may do what is decided on a plain Actor; tokens and Callers stay in the adapters (the "
				+ "platform's problems, the shape of a bad request, are not about who calls)");

	@ArchTest
	static final ArchRule controllersAreReachedOverHttpOnly = classes().that()
		.haveSimpleNameEndingWith("Controller")
		.should()
		.notBePublic()
		.because("controllers are adapters, reached over HTTP only");

}
