package org.prolo.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

/**
 * The product's services as their modules describe them: which exist, their
 * configuration, which are on the event bus and on PostgreSQL.
 */
final class ServiceModules {

	static final Path ROOT = root();

	static final String IDENTITY = "identity";

	/**
	 * The identity service's demo clients; each one's demo secret is its id + "-secret".
	 */
	static final List<String> DEMO_CLIENTS = List.of("prolo-web", "prolo-cli", "intake", "workflow", "radiology",
			"prometheus");

	private ServiceModules() {
	}

	private static Path root() {
		String configured = System.getProperty("repo.root");
		Path root = (configured != null && !configured.isBlank()) ? Path.of(configured) : Path.of("..");
		return root.toAbsolutePath().normalize();
	}

	static List<String> serviceModules() throws IOException {
		try (Stream<Path> dirs = Files.list(ROOT.resolve("services"))) {
			return dirs.filter(dir -> Files.isRegularFile(dir.resolve("pom.xml")))
				.map(dir -> dir.getFileName().toString())
				.sorted()
				.toList();
		}
	}

	/** The services on the event bus: those whose configuration talks to Kafka. */
	static List<String> brokerServices() throws IOException {
		List<String> names = new ArrayList<>();
		for (String name : serviceModules()) {
			if (applicationYaml(name).keySet()
				.stream()
				.anyMatch(key -> key.startsWith("spring.kafka.") || key.startsWith("prolo.events."))) {
				names.add(name);
			}
		}
		return names;
	}

	/**
	 * Every service but identity: each is a resource server and a sign-in client of it.
	 */
	static List<String> signedInServices() throws IOException {
		return serviceModules().stream().filter(name -> !name.equals(IDENTITY)).toList();
	}

	/** The services with a database: those with a postgres profile. */
	static boolean onPostgres(String name) {
		return Files.isRegularFile(resource(name, "application-postgres.yml"));
	}

	static Path resource(String name, String file) {
		return ROOT.resolve("services").resolve(name).resolve("src/main/resources").resolve(file);
	}

	static Map<String, Object> applicationYaml(String name) throws IOException {
		return yamlOf(resource(name, "application.yml"));
	}

	/** A configuration file flattened to dotted keys, whichever way it nests them. */
	static Map<String, Object> yamlOf(Path file) throws IOException {
		Map<String, Object> flat = new LinkedHashMap<>();
		try (InputStream in = Files.newInputStream(file)) {
			for (Object document : new Yaml().loadAll(in)) {
				if (document instanceof Map<?, ?> map) {
					flatten("", map, flat);
				}
			}
		}
		return flat;
	}

	private static void flatten(String prefix, Map<?, ?> map, Map<String, Object> flat) {
		map.forEach((key, value) -> {
			String path = prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key;
			if (value instanceof Map<?, ?> nested) {
				flatten(path, nested, flat);
			}
			else {
				flat.putIfAbsent(path, value);
			}
		});
	}

	static List<String> strings(Object value) {
		if (value == null) {
			return List.of();
		}
		if (value instanceof List<?> list) {
			return list.stream().map(String::valueOf).toList();
		}
		return Stream.of(String.valueOf(value).split("\\s*,\\s*")).filter(s -> !s.isBlank()).toList();
	}

}
