package org.prolo.identity;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The directory (who can sign in) is plain Java that sign-in and the claims both read; so
 * are the rules on stored credentials and on failed sign-ins; only the keys package
 * handles key material.
 */
@AnalyzeClasses(packages = "org.prolo.identity", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule directoryIsPlainJava = noClasses().that()
		.resideInAPackage("org.prolo.identity.directory..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "com.nimbusds..", "org.prolo.identity.claims..",
				"org.prolo.identity.clients..", "org.prolo.identity.keys..", "org.prolo.identity.server..",
				"org.prolo.identity.signin..");

	@ArchTest
	static final ArchRule policiesArePlainJava = noClasses().that()
		.resideInAnyPackage("org.prolo.identity.credentials..", "org.prolo.identity.throttle..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "jakarta..", "org.prolo.identity.signin..",
				"org.prolo.identity.clients..", "org.prolo.identity.server..");

	@ArchTest
	static final ArchRule onlyTheKeysPackageTouchesKeyMaterial = noClasses().that()
		.resideOutsideOfPackage("org.prolo.identity.keys..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("com.nimbusds.jose.jwk..", "java.security..");

}
