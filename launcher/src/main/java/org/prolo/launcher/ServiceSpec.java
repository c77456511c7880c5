package org.prolo.launcher;

import java.nio.file.Path;
import java.util.List;

/**
 * One of the product's services as the launcher starts it: where its jar is, its port,
 * its heap and the settings that only the local demo wants.
 */
record ServiceSpec(String name, int port, String maxHeap, List<Link> links, List<String> demoSettings) {

	/** A URL worth showing a person once the service is up. */
	record Link(String label, String url) {
	}

	/**
	 * The services in start order; the first two start before the rest because the others
	 * build on them.
	 */
	static final List<ServiceSpec> ALL = List.of(
			new ServiceSpec("workflow", 8080, "512m",
					List.of(new Link("Camunda Tasklist", "http://localhost:8080/camunda/app/tasklist/"),
							new Link("Camunda REST API: open tasks", "http://localhost:8080/engine-rest/task"),
							new Link("Why is a referral stuck?", "http://localhost:8080/inspect.html")),
					List.of()),
			new ServiceSpec("intake", 8081, "256m",
					List.of(new Link("API docs", "http://localhost:8081/swagger-ui.html"),
							new Link("Submit a referral", "POST http://localhost:8081/api/referrals"),
							new Link("FHIR R4", "http://localhost:8081/fhir/metadata")),
					List.of()),
			// No radiologist sits at a local demo: imaging orders are reported with a
			// normal finding after 30 s.
			new ServiceSpec("imaging", 8082, "256m",
					List.of(new Link("API docs", "http://localhost:8082/swagger-ui.html")),
					List.of("--prolo.imaging.auto-report.enabled=true")),
			swaggerOnly("scheduling", 8083), swaggerOnly("notification", 8084), swaggerOnly("timeline", 8085));

	static final int FIRST_WAVE = 2;

	/**
	 * Settings for a service that runs as the only node of its kind, as here. The
	 * workflow consumes intake's three partitions with three threads (one engine
	 * transaction each at a time; one thread capped the stack at about 130 referrals a
	 * second, see docs/benchmarks.md). Not in the service's own configuration: two
	 * workflow nodes with three consumers each could leave one node without a partition.
	 */
	static List<String> singleNodeSettings(String name) {
		return name.equals("workflow") ? List.of("--spring.kafka.listener.concurrency=3") : List.of();
	}

	private static ServiceSpec swaggerOnly(String name, int port) {
		return new ServiceSpec(name, port, "256m",
				List.of(new Link("API docs", "http://localhost:" + port + "/swagger-ui.html")), List.of());
	}

	Path jar(Path root) {
		return root.resolve("services").resolve(name).resolve("target").resolve(name + ".jar");
	}

	String healthUrl() {
		return "http://127.0.0.1:" + port + "/actuator/health";
	}
}
