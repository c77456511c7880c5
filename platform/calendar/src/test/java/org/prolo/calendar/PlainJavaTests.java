package org.prolo.calendar;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The services' domain packages use the calendar, and they may depend on nothing but
 * Java: neither may it.
 */
@AnalyzeClasses(packages = "org.prolo.calendar", importOptions = ImportOption.DoNotIncludeTests.class)
class PlainJavaTests {

	@ArchTest
	static final ArchRule calendarIsPlainJava = classes().that()
		.resideInAPackage("org.prolo.calendar..")
		.should()
		.onlyDependOnClassesThat()
		.resideInAnyPackage("java..", "org.prolo.calendar..");

}
