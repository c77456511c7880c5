package org.prolo.portal;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The referral package (statuses, conditions, urgency in words) is plain Java; the pages
 * reach intake only through the intake package, and the staff pages timeline, workflow
 * and scheduling only through the figures package; pages see no Spring Security types;
 * the portal has no events.
 */
@AnalyzeClasses(packages = "org.prolo.portal", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	private static final String[] PAGES = { "org.prolo.portal.listing..", "org.prolo.portal.submission..",
			"org.prolo.portal.followup..", "org.prolo.portal.overview..", "org.prolo.portal.waitinglist.." };

	@ArchTest
	static final ArchRule domainIsPlainJava = noClasses().that()
		.resideInAPackage("org.prolo.portal.referral..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "jakarta..", "com.fasterxml..", "org.prolo.platform..",
				"org.prolo.portal.intake..", "org.prolo.portal.web..");

	@ArchTest
	static final ArchRule pagesCallIntakeOnlyThroughItsClient = noClasses().that()
		.resideInAnyPackage(PAGES)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.web.client..", "org.springframework.http.client..");

	@ArchTest
	static final ArchRule pagesSeeNoSpringSecurityTypes = noClasses().that()
		.resideInAnyPackage(PAGES)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.security..");

	@ArchTest
	static final ArchRule intakeClientKnowsNoPages = noClasses().that()
		.resideInAPackage("org.prolo.portal.intake..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.prolo.portal.web..", "org.prolo.portal.listing..", "org.prolo.portal.submission..",
				"org.prolo.portal.followup..");

	@ArchTest
	static final ArchRule figuresClientKnowsNoPages = noClasses().that()
		.resideInAPackage("org.prolo.portal.figures..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(PAGES);

	@ArchTest
	static final ArchRule staffPagesCallNoIntake = noClasses().that()
		.resideInAnyPackage("org.prolo.portal.overview..", "org.prolo.portal.waitinglist..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.prolo.portal.intake..");

	@ArchTest
	static final ArchRule pagesDoNotDependOnEachOther = noClasses().that()
		.resideInAPackage("org.prolo.portal.listing..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.prolo.portal.submission..", "org.prolo.portal.followup..");

	@ArchTest
	static final ArchRule noEvents = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..", "org.apache.avro..",
				"org.prolo.events..", "org.prolo.platform.events..");

}
