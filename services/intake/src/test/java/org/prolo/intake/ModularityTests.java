package org.prolo.intake;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feature packages as Spring Modulith modules: no cycles, no reaching into another
 * module's internals.
 */
class ModularityTests {

	final ApplicationModules modules = ApplicationModules.of(IntakeApplication.class);

	@Test
	void featuresRespectModuleBoundaries() {
		modules.verify();
	}

	@Test
	void everyFeatureIsAModule() {
		assertThat(modules.stream().map(module -> module.getIdentifier().toString())).containsExactlyInAnyOrder(
				"referral", "submission", "withdrawal", "information", "progress", "publishing", "tracking", "web",
				"fhir", "audit");
	}

}
