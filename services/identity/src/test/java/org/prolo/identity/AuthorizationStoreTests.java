package org.prolo.identity;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

/** The authorization store on H2, the embedded stack's database, in a file of its own. */
class AuthorizationStoreTests extends AuthorizationStoreScenario {

	@TempDir
	Path dataDir;

	@Override
	ConfigurableApplicationContext start() {
		return StartedIdentity.start(this.dataDir, "--spring.profiles.active=demo");
	}

}
