package org.prolo.launcher;

import java.nio.file.Path;
import java.util.List;

/**
 * One of the product's services as the launcher starts it: where its jar is, its port,
 * its heap and the URL that says it is up. What only the local demo wants is each
 * service's {@value #DEMO_PROFILE} profile, which the launcher turns on for every
 * service.
 */
record ServiceSpec(String name, int port, String maxHeap, String healthPath, List<Link> links) {

	/** A URL worth showing a person once the service is up. */
	record Link(String label, String url) {
	}

	static final String HEALTH = "/actuator/health";

	static final String IDENTITY = "identity";

	static final String READINESS = "/actuator/health/readiness";

	/** Where browsers and tokens find the identity service: the issuer of every token. */
	static final String IDENTITY_URL = "http://localhost:9000";

	static final String PORTAL_URL = "http://localhost:8086/";

	/**
	 * The Spring profile of the local demo in every service: the demo's well-known client
	 * secrets, users and Tasklist filters, imaging's auto-report, the in-process SMTP
	 * server, the lifted submission limit. Services refuse to start with demo secrets
	 * without it, and nothing but the launcher turns it on.
	 */
	static final String DEMO_PROFILE = "demo";

	/**
	 * Keeps the demo profile's stand-in radiologist (imaging reports open orders with a
	 * normal finding after 30 s) away, for tests that report themselves.
	 */
	static final String NO_AUTO_REPORT = "--prolo.imaging.auto-report.enabled=false";

	/**
	 * The services in start order. The first wave starts before the rest: identity first,
	 * since every sign-in and every token comes from it, then workflow and intake, which
	 * declare the topics the others read.
	 */
	static final List<ServiceSpec> ALL = List.of(
			new ServiceSpec(IDENTITY, 9000, "256m", READINESS,
					List.of(new Link("Sign-in (OpenID Connect provider)",
							IDENTITY_URL + "/.well-known/openid-configuration"))),
			new ServiceSpec("workflow", 8080, "512m", HEALTH,
					List.of(new Link("Camunda Tasklist", "http://localhost:8080/camunda/app/tasklist/"),
							// Bearer tokens only: an instruction, not a page to open.
							new Link("Camunda REST API: open tasks (with a token)",
									"GET http://localhost:8080/engine-rest/task"),
							new Link("Why is a referral stuck?", "http://localhost:8080/inspect.html"))),
			new ServiceSpec("intake", 8081, "256m", HEALTH,
					List.of(new Link("API docs", "http://localhost:8081/swagger-ui.html"),
							new Link("Submit a referral", "POST http://localhost:8081/api/referrals"),
							new Link("FHIR R4", "http://localhost:8081/fhir/metadata"))),
			swaggerOnly("imaging", 8082), swaggerOnly("scheduling", 8083), swaggerOnly("notification", 8084),
			swaggerOnly("timeline", 8085),
			new ServiceSpec("portal", 8086, "256m", HEALTH, List.of(new Link("Physician portal", PORTAL_URL))));

	static final int FIRST_WAVE = 3;

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
		return new ServiceSpec(name, port, "256m", HEALTH,
				List.of(new Link("API docs", "http://localhost:" + port + "/swagger-ui.html")));
	}

	/** The same service on another port, for a stack beside the usual one. */
	ServiceSpec movedBy(int offset) {
		return new ServiceSpec(name, port + offset, maxHeap, healthPath, links);
	}

	Path jar(Path root) {
		return root.resolve("services").resolve(name).resolve("target").resolve(name + ".jar");
	}

	String healthUrl() {
		return "http://127.0.0.1:" + port + healthPath;
	}

	static ServiceSpec named(String name) {
		return ALL.stream()
			.filter(spec -> spec.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No service " + name));
	}

}
