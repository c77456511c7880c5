package org.prolo.identity;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The identity service started as an operator or the launcher would, with command-line
 * arguments (not default properties: application.yml's port 9000 would win over those),
 * on a random port.
 */
final class StartedIdentity {

	private StartedIdentity() {
	}

	/** Starts it with its H2 database and key in the data directory. */
	static ConfigurableApplicationContext start(Path dataDir, String... arguments) {
		List<String> all = new ArrayList<>(List.of("--prolo.data-dir=" + dataDir,
				"--spring.datasource.url=jdbc:h2:file:" + dataDir.toAbsolutePath()
						+ "/identity;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"));
		all.addAll(List.of(arguments));
		return run(all);
	}

	/** Starts it with exactly these arguments besides a random port. */
	static ConfigurableApplicationContext run(List<String> arguments) {
		List<String> all = new ArrayList<>(arguments);
		all.add(0, "--server.port=0");
		return new SpringApplicationBuilder(IdentityApplication.class).run(all.toArray(String[]::new));
	}

	static URI base(ConfigurableApplicationContext context) {
		return URI
			.create("http://localhost:" + ((ServletWebServerApplicationContext) context).getWebServer().getPort());
	}

}
