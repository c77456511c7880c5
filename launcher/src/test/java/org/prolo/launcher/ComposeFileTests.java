package org.prolo.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so this keeps it in step with
 * the code: every service module is in it, on the port its application.yml declares,
 * owning the topics it declares, on PostgreSQL and the compose broker when it uses them,
 * started after them and after the identity service, trusting the one issuer, in the
 * production profile with every secret from .env. The launcher's table of services is
 * held to the same facts.
 */
class ComposeFileTests {

	static final Path ROOT = RepoRoot.resolve(System.getProperty("repo.root"), Path.of("..").toAbsolutePath());

	static Map<String, Object> compose;

	@BeforeAll
	static void readCompose() throws IOException {
		try (InputStream in = Files.newInputStream(ROOT.resolve("docker-compose.yml"))) {
			compose = new Yaml().load(in);
		}
	}

	static final String IDENTITY = "identity";

	static final String KEYCLOAK = "keycloak";

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
	 * The services with a database: those with a postgres profile, which compose runs.
	 */
	static boolean onPostgres(String name) {
		return Files.isRegularFile(
				ROOT.resolve("services").resolve(name).resolve("src/main/resources/application-postgres.yml"));
	}

	/**
	 * Every service but identity: each is a resource server and a sign-in client of it.
	 */
	static List<String> signedInServices() throws IOException {
		return serviceModules().stream().filter(name -> !name.equals(IDENTITY)).toList();
	}

	static List<String> serviceModules() throws IOException {
		try (Stream<Path> dirs = Files.list(ROOT.resolve("services"))) {
			return dirs.filter(dir -> Files.isRegularFile(dir.resolve("pom.xml")))
				.map(dir -> dir.getFileName().toString())
				.sorted()
				.toList();
		}
	}

	@Test
	void listsExactlyTheServiceModulesBesideTheBrokerAndTheDatabase() throws IOException {
		List<String> expected = new ArrayList<>(serviceModules());
		expected.add("kafka");
		expected.add("postgres");
		expected.add("prometheus");
		expected.add("grafana");
		expected.add("mailpit");
		expected.add(KAFKA_DATA_OWNER);
		expected.add("kafka-ui");
		expected.add(JAEGER);
		expected.add(KEYCLOAK);

		assertThat(services().keySet()).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(ServiceSpec.ALL).extracting(ServiceSpec::name).containsExactlyInAnyOrderElementsOf(serviceModules());
	}

	@ParameterizedTest
	@MethodSource("serviceModules")
	void runsEachServiceOnItsPortWithItsJar(String name) throws IOException {
		int port = port(name);
		Map<String, Object> service = service(name);

		assertThat(strings(service.get("ports"))).contains(port + ":" + port);
		assertThat(strings(service.get("volumes")))
			.contains("./services/" + name + "/target/" + name + ".jar:/app/app.jar:ro");
		assertThat(ServiceSpec.ALL).filteredOn(spec -> spec.name().equals(name))
			.singleElement()
			.extracting(ServiceSpec::port)
			.isEqualTo(port);
		// Compose and the launcher wait for the same answer.
		assertThat(String.valueOf(service.get("healthcheck"))).contains("/dev/tcp/127.0.0.1/" + port)
			.contains("GET " + ServiceSpec.named(name).healthPath() + " HTTP");
	}

	@ParameterizedTest
	@MethodSource("brokerServices")
	void declaresTheTopicsEachServiceOwns(String name) throws IOException {
		List<String> owned = strings(applicationYaml(name).get("prolo.events.owned-topics"));
		@SuppressWarnings("unchecked")
		Map<String, Object> labels = (Map<String, Object>) service(name).get("labels");
		String label = String.valueOf(labels.get("org.prolo.owns-topics"));

		assertThat(label.isBlank() ? List.<String>of() : Arrays.asList(label.split("\\s*,\\s*")))
			.containsExactlyInAnyOrderElementsOf(owned);
	}

	@ParameterizedTest
	@MethodSource("serviceModules")
	void startsEachServiceOnPostgresAndTheComposeBrokerAfterWhatItUses(String name) throws IOException {
		Map<String, Object> environment = environment(name);
		@SuppressWarnings("unchecked")
		Map<String, Map<String, Object>> dependsOn = (Map<String, Map<String, Object>>) service(name)
			.getOrDefault("depends_on", Map.of());
		List<String> needed = new ArrayList<>();
		if (brokerServices().contains(name)) {
			needed.add("kafka");
			assertThat(environment).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
		}
		else {
			assertThat(environment).doesNotContainKey("KAFKA_BOOTSTRAP_SERVERS");
		}
		if (onPostgres(name)) {
			needed.add("postgres");
			assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "postgres")
				.containsEntry("POSTGRES_HOST", "postgres");
		}
		if (!name.equals(IDENTITY)) {
			needed.add(IDENTITY);
		}

		assertThat(dependsOn).containsKeys(needed.toArray(String[]::new));
		// Beyond what it uses, a service may wait only for other services (the portal for
		// intake) and notification for its mail server.
		assertThat(dependsOn.keySet())
			.allSatisfy(dependency -> assertThat(needed.contains(dependency) || serviceModules().contains(dependency)
					|| name.equals("notification") && dependency.equals(MAILPIT))
				.as(name + " depends on " + dependency)
				.isTrue());
		assertThat(dependsOn.values())
			.allSatisfy(condition -> assertThat(condition).containsEntry("condition", "service_healthy"));
	}

	/**
	 * One issuer string in every token and every check: the address browsers use, also
	 * inside the compose network, where services fetch keys and tokens from
	 * identity:9000.
	 */
	@ParameterizedTest
	@MethodSource("signedInServices")
	void everyServiceTrustsTheIssuerBrowsersSeeAndReachesIdentityInside(String name) throws IOException {
		String issuer = String.valueOf(applicationYaml(IDENTITY).get("prolo.identity.issuer"));

		assertThat(issuer).isEqualTo(ServiceSpec.IDENTITY_URL);
		assertThat(environment(IDENTITY)).containsEntry("PROLO_IDENTITY_ISSUER", issuer);
		Map<String, Object> environment = environment(name);
		assertThat(withoutOverride(environment.get("PROLO_SECURITY_ISSUER"))).isEqualTo(issuer);
		assertThat(environment).containsEntry("PROLO_SECURITY_INTERNAL_URI", "http://identity:" + port(IDENTITY));
		assertThat(withoutOverride(environment.get("PROLO_SECURITY_BROWSER_URI"))).isEqualTo(issuer);
		// Spelt out for the sake of another provider, so they must be what the code
		// derives for the identity service.
		String inside = "http://identity:" + port(IDENTITY);
		assertThat(withoutOverride(environment.get("PROLO_SECURITY_AUTHORIZATION_URI")))
			.isEqualTo(issuer + "/oauth2/authorize");
		assertThat(withoutOverride(environment.get("PROLO_SECURITY_END_SESSION_URI")))
			.isEqualTo(issuer + "/connect/logout");
		assertThat(withoutOverride(environment.get("PROLO_SECURITY_JWK_SET_URI"))).isEqualTo(inside + "/oauth2/jwks");
		assertThat(withoutOverride(environment.get("PROLO_SECURITY_TOKEN_URI"))).isEqualTo(inside + "/oauth2/token");
		assertThat(withoutOverride(environment.get("PROLO_SECURITY_USER_INFO_URI"))).isEqualTo(inside + "/userinfo");
		assertThat(withoutOverride(environment.get("PROLO_SECURITY_GROUPS_CLAIM"))).isEqualTo("groups");
		assertThat(withoutOverride(environment.get("PROLO_SECURITY_AUDIENCES")))
			.isEqualTo(String.valueOf(applicationYaml(IDENTITY).get("prolo.identity.audience")));
	}

	/**
	 * Keycloak as the clinic's provider: only with its profile, so nothing depends on it;
	 * the version the launcher's Keycloak test runs; the realm of the repository with the
	 * client secrets the services present; and the OIDC_* lines of .env.example point the
	 * services at that realm as browsers and the services each reach it.
	 */
	@Test
	void offersKeycloakBehindItsProfileWithTheRealmOfTheRepository() throws IOException {
		Map<String, Object> keycloak = service(KEYCLOAK);
		String pom = Files.readString(ROOT.resolve("pom.xml"));
		var version = Pattern.compile("<keycloak.version>([^<]+)</keycloak.version>").matcher(pom);
		assertThat(version.find()).isTrue();
		JsonNode realm = new ObjectMapper().readTree(ROOT.resolve(KeycloakServer.REALM_FILE).toFile());
		String command = String.join(" ", strings(keycloak.get("command")));
		Map<String, Object> environment = environment(KEYCLOAK);
		Map<String, String> example = commentedExample();

		assertThat(strings(keycloak.get("profiles"))).containsExactly(KEYCLOAK);
		assertThat(keycloak.get("image")).isEqualTo("quay.io/keycloak/keycloak:" + version.group(1));
		assertThat(strings(keycloak.get("volumes")))
			.contains("./" + KeycloakServer.REALM_FILE + ":/opt/keycloak/data/import/prolo-realm.json:ro");
		assertThat(command).contains("--import-realm", "--hostname=http://localhost:8180",
				"--hostname-backchannel-dynamic=true");
		assertThat(strings(keycloak.get("ports"))).contains("127.0.0.1:8180:8080");
		services().forEach((name, definition) -> assertThat(String.valueOf(((Map<?, ?>) definition).get("depends_on")))
			.as(name + " would not start without the keycloak profile")
			.doesNotContain(KEYCLOAK));

		// Each secret placeholder of the realm comes from the variable the services use,
		// with no fall-back of the realm's own.
		assertThat(Files.readString(ROOT.resolve(KeycloakServer.REALM_FILE))).doesNotContainPattern("\\$\\{[A-Z_]+:");
		var placeholder = Pattern.compile("\\$\\{([A-Z_]+)}")
			.matcher(Files.readString(ROOT.resolve(KeycloakServer.REALM_FILE)));
		List<String> placeholders = new ArrayList<>();
		while (placeholder.find()) {
			placeholders.add(placeholder.group(1));
		}
		assertThat(placeholders).contains("PROLO_WEB_CLIENT_SECRET", "INTAKE_CLIENT_SECRET", "WORKFLOW_CLIENT_SECRET",
				"RADIOLOGY_CLIENT_SECRET", "PROMETHEUS_CLIENT_SECRET");
		assertThat(placeholders)
			.allSatisfy(variable -> assertThat(String.valueOf(environment.get(variable))).as(variable)
				.startsWith("${" + variable + ":?"));

		String issuer = "http://localhost:8180/realms/" + realm.get("realm").asText();
		String inside = "http://keycloak:8080/realms/" + realm.get("realm").asText();
		assertThat(example).containsEntry("OIDC_ISSUER", issuer)
			.containsEntry("OIDC_BROWSER_URI", "http://localhost:8180")
			.containsEntry("OIDC_AUTHORIZATION_URI", issuer + "/protocol/openid-connect/auth")
			.containsEntry("OIDC_END_SESSION_URI", issuer + "/protocol/openid-connect/logout")
			.containsEntry("OIDC_JWK_SET_URI", inside + "/protocol/openid-connect/certs")
			.containsEntry("OIDC_TOKEN_URI", inside + "/protocol/openid-connect/token")
			.containsEntry("OIDC_USER_INFO_URI", inside + "/protocol/openid-connect/userinfo")
			.containsEntry("OIDC_GROUPS_CLAIM", "groups")
			.containsEntry("OIDC_AUDIENCE", "prolo");
		// Every provider setting of the services can be given in .env.
		var override = Pattern.compile("\\$\\{(OIDC_[A-Z_]+):-");
		for (Object value : environment("intake").values()) {
			var variable = override.matcher(String.valueOf(value));
			if (variable.find()) {
				assertThat(example).as(".env.example").containsKey(variable.group(1));
			}
		}
	}

	/**
	 * The realm holds every group the code names, every client the services and compose
	 * use, and maps groups and audience into the claims the services read.
	 */
	@Test
	void theKeycloakRealmHoldsTheProductsGroupsClientsAndClaims() throws IOException {
		JsonNode realm = new ObjectMapper().readTree(ROOT.resolve(KeycloakServer.REALM_FILE).toFile());
		List<String> groups = new ArrayList<>();
		realm.get("groups").forEach(group -> groups.add(group.get("name").asText()));
		Map<String, JsonNode> clients = new LinkedHashMap<>();
		realm.get("clients").forEach(client -> clients.put(client.get("clientId").asText(), client));
		Map<String, JsonNode> mappers = new LinkedHashMap<>();
		realm.get("clientScopes")
			.forEach(scope -> scope.path("protocolMappers")
				.forEach(mapper -> mappers.put(mapper.get("protocolMapper").asText(), mapper.get("config"))));

		assertThat(groups).contains(org.prolo.platform.security.Roles.PHYSICIAN)
			.containsAll(org.prolo.platform.security.Roles.STAFF)
			.containsAll(strings(applicationYaml("workflow").get("prolo.workflow.access.admin-groups")));
		assertThat(clients).containsKeys(DEMO_CLIENTS.toArray(String[]::new));
		for (String name : signedInServices()) {
			Object client = applicationYaml(name).get("prolo.security.client.id");
			if (client != null) {
				assertThat(clients).containsKey(String.valueOf(client));
				assertThat(clients.get(String.valueOf(client)).get("serviceAccountsEnabled").asBoolean()).isTrue();
			}
		}
		assertThat(clients.get("prolo-web").get("redirectUris")).extracting(JsonNode::asText)
			.contains("http://localhost:8086/login/oauth2/code/prolo", "http://localhost:8080/login/oauth2/code/prolo");
		assertThat(clients.get("prolo-cli").at("/attributes/pkce.code.challenge.method").asText()).isEqualTo("S256");
		assertThat(mappers.get("oidc-group-membership-mapper").get("claim.name").asText()).isEqualTo("groups");
		assertThat(mappers.get("oidc-group-membership-mapper").get("full.path").asText()).isEqualTo("false");
		assertThat(mappers.get("oidc-audience-mapper").get("included.custom.audience").asText())
			.isEqualTo(String.valueOf(applicationYaml(IDENTITY).get("prolo.identity.audience")));
	}

	/** A value of ${VARIABLE:-default} as compose resolves it without .env. */
	private static String withoutOverride(Object value) {
		var override = Pattern.compile("\\$\\{[A-Z_]+:-([^}]*)}").matcher(String.valueOf(value));
		return override.matches() ? override.group(1) : String.valueOf(value);
	}

	/** The variables .env.example offers as commented-out lines ("# NAME=value"). */
	private static Map<String, String> commentedExample() throws IOException {
		Map<String, String> example = new LinkedHashMap<>();
		for (String line : Files.readAllLines(ROOT.resolve(".env.example"))) {
			var setting = Pattern.compile("# ([A-Z][A-Z0-9_]*)=(\\S+)").matcher(line);
			if (setting.matches()) {
				example.put(setting.group(1), setting.group(2));
			}
		}
		return example;
	}

	@Test
	void theIdentityServiceKeepsItsKeyInAVolumeAndRedirectsToEveryService() throws IOException {
		Map<String, Object> environment = environment(IDENTITY);
		List<Integer> servicePorts = new ArrayList<>();
		for (String name : signedInServices()) {
			servicePorts.add(port(name));
		}

		assertThat(String.valueOf(applicationYaml(IDENTITY).get("prolo.identity.key-file")))
			.startsWith("${prolo.data-dir");
		assertThat(environment).containsEntry("PROLO_DATA_DIR", "/data");
		assertThat(strings(service(IDENTITY).get("volumes"))).contains("identity-data:/data");
		assertThat(strings(environment.get("PROLO_IDENTITY_REDIRECT_HOSTS"))).contains("localhost");
		assertThat(strings(environment.get("PROLO_IDENTITY_REDIRECT_PORTS")).stream().map(Integer::valueOf))
			.containsExactlyInAnyOrderElementsOf(servicePorts);
	}

	/**
	 * Relaxed binding forgives nothing here: a misspelt variable is silently ignored, so
	 * each PROLO_SECURITY_* and PROLO_IDENTITY_* must name a property the code declares.
	 */
	@Test
	void everySignInVariableNamesAPropertyOfTheCode() throws IOException {
		String security = Files.readString(ROOT
			.resolve("platform/security/src/main/java/org/prolo/platform/security/ProloSecurityProperties.java"));
		String identity = Files
			.readString(ROOT.resolve("services/identity/src/main/java/org/prolo/identity/IdentityProperties.java"));
		List<String> variables = new ArrayList<>();
		for (String name : serviceModules()) {
			environment(name).keySet()
				.stream()
				.filter(variable -> variable.startsWith("PROLO_SECURITY_") || variable.startsWith("PROLO_IDENTITY_"))
				.forEach(variables::add);
		}

		assertThat(variables).contains("PROLO_SECURITY_ISSUER", "PROLO_IDENTITY_REDIRECT_PORTS")
			.allSatisfy(variable -> {
				String rest = variable.replaceFirst("^PROLO_(SECURITY|IDENTITY)_", "");
				String code = variable.startsWith("PROLO_SECURITY_") ? security : identity;
				var nested = Pattern.compile("(LOGIN|CLIENT)_(SECRET)").matcher(rest);
				var listed = Pattern.compile("(USERS|CLIENTS)_\\d+_(\\w+)").matcher(rest);
				if (listed.matches()) {
					// prolo.identity.users[0].id: a list of records, each with that
					// component
					assertThat(code).as(variable)
						.containsPattern("List<\\w+> " + camelCase(listed.group(1)) + "\\b")
						.containsPattern("record \\w+\\([^)]*\\b" + camelCase(listed.group(2)) + "[,)]");
				}
				else if (nested.matches()) {
					// prolo.security.login.secret: a Client named login, whose secret
					assertThat(code).as(variable)
						.containsPattern("Client " + camelCase(nested.group(1)) + " =")
						.containsPattern("private String " + camelCase(nested.group(2)) + ";");
				}
				else {
					assertThat(code).as(variable)
						.containsPattern("(private|List<\\w+>|String|Path) " + camelCase(rest) + "\\b");
				}
			});
	}

	@ParameterizedTest
	@MethodSource("serviceModules")
	void prometheusScrapesEveryServiceWithMetricsOnItsPortWithAToken(String name) throws IOException {
		Map<String, Object> prometheus;
		try (InputStream in = Files.newInputStream(ROOT.resolve("ops/prometheus/prometheus.yml"))) {
			prometheus = new Yaml().load(in);
		}
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> jobs = (List<Map<String, Object>>) prometheus.get("scrape_configs");
		List<String> targets = new ArrayList<>();
		for (Map<String, Object> job : jobs) {
			assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");
			// /actuator/prometheus wants scope metrics.read: the identity service's
			// client prometheus has it.
			assertThat(job).containsEntry("oauth2",
					Map.of("client_id", "prometheus", "client_secret_file", "/run/secrets/prometheus-client-secret",
							"token_url", "http://identity:" + port(IDENTITY) + "/oauth2/token", "scopes",
							List.of("metrics.read")));
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> configs = (List<Map<String, Object>>) job.get("static_configs");
			configs.forEach(config -> targets.addAll(strings(config.get("targets"))));
		}
		List<String> exposed = strings(applicationYaml(name).get("management.endpoints.web.exposure.include"));

		assertThat(exposed).contains("health");
		if (brokerServices().contains(name)) {
			assertThat(exposed).contains("prometheus");
		}
		if (exposed.contains("prometheus")) {
			assertThat(targets).contains(name + ":" + port(name));
		}
		else {
			assertThat(targets).noneMatch(target -> target.startsWith(name + ":"));
		}
		assertThat(strings(service("prometheus").get("volumes")))
			.contains("./ops/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
	}

	/**
	 * Every prolo_ series a dashboard queries is a meter some service registers, under
	 * Micrometer's name (prolo_stage_duration_seconds_bucket is prolo.stage.duration).
	 * The referrals dashboard shows the flow, the platform dashboard JVM, HTTP, Camunda's
	 * jobs and incidents.
	 */
	@Test
	void theDashboardsQueryOnlyMetricsTheCodeRegisters() throws IOException {
		String referrals = Files.readString(ROOT.resolve("ops/grafana/dashboards/referrals.json"));
		String platform = Files.readString(ROOT.resolve("ops/grafana/dashboards/platform.json"));

		assertThat(registeredMeters(referrals)).contains("prolo.referrals.submitted", "prolo.referrals.closed",
				"prolo.tasks.open", "prolo.stage.duration", "prolo.events.dead.lettered", "prolo.outbox.backlog");
		assertThat(referrals).contains("kafka_consumer_fetch_manager_records_lag_max");
		assertThat(registeredMeters(platform)).contains("prolo.jobs.due", "prolo.jobs.failed", "prolo.incidents.open",
				"prolo.tasks.overdue");
		assertThat(platform).contains("jvm_memory_used_bytes", "jvm_gc_pause_seconds", "process_cpu_usage",
				"http_server_requests_seconds_count", "http_server_requests_seconds_sum");
		assertThat(strings(service("grafana").get("volumes"))).contains(
				"./ops/grafana/provisioning:/etc/grafana/provisioning:ro",
				"./ops/grafana/dashboards:/var/lib/grafana/dashboards:ro");
		assertThat(ROOT.resolve("ops/grafana/provisioning/datasources/prometheus.yml")).exists();
	}

	/**
	 * The prolo_ series a query text names, as Micrometer meter names; each one must be
	 * registered somewhere in the main code.
	 */
	private static List<String> registeredMeters(String queries) throws IOException {
		var series = Pattern.compile("prolo_[a-z_]+").matcher(queries);
		List<String> meters = new ArrayList<>();
		while (series.find()) {
			meters.add(series.group()
				.replaceFirst("(_seconds)?(_total|_bucket|_count|_sum|_max)?$", "")
				.replace('_', '.'));
		}
		String code = mainSources();
		assertThat(meters).isNotEmpty().allSatisfy(meter -> assertThat(code).as(meter).contains("\"" + meter + "\""));
		return meters;
	}

	private static String mainSources() throws IOException {
		return mainSources(ROOT.resolve("services")) + mainSources(ROOT.resolve("platform"));
	}

	private static String mainSources(Path root) throws IOException {
		StringBuilder code = new StringBuilder();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files
				.filter(path -> path.toString().endsWith(".java") && path.toString().contains("src/main/java"))
				.toList()) {
				code.append(Files.readString(file)).append('\n');
			}
		}
		return code.toString();
	}

	static final String MAILPIT = "mailpit";

	static final String JAEGER = "jaeger";

	static final String KAFKA_DATA_OWNER = "kafka-data-owner";

	static final String SERVICE_USERS_SCRIPT = "ops/postgres/service-users.sh";

	/** URLs a service hands to browsers, which reach the services on localhost. */
	static final List<String> BROWSER_LINKS = List.of("portal.tasklist-url");

	/**
	 * The identity service's demo clients; each one's demo secret is its id + "-secret".
	 */
	static final List<String> DEMO_CLIENTS = List.of("prolo-web", "prolo-cli", "intake", "workflow", "radiology",
			"prometheus");

	/**
	 * A variable compose must be given: ${NAME:?message} fails the start when unset or
	 * empty.
	 */
	static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):\\?[^}]+}");

	/**
	 * The demo's secrets are public (the README and the identity service's demo clients
	 * name them): none may be in the compose file, nor Grafana's admin/admin or a
	 * PostgreSQL password of its own.
	 */
	@Test
	void holdsNoKnownDemoSecret() throws IOException {
		String file = Files.readString(ROOT.resolve("docker-compose.yml"));

		assertThat(file).doesNotContainPattern("\\b(" + String.join("|", DEMO_CLIENTS) + ")-secret\\b")
			.doesNotContain("admin/admin")
			.doesNotContainPattern("(?i)password: *(prolo|admin|demo|postgres)\\b");
		assertThat(Files.readString(ROOT.resolve("ops/prometheus/prometheus.yml"))).doesNotContain("client_secret:");
	}

	/**
	 * Every password and secret in any container's environment comes from .env, which
	 * must supply it; .env.example lists each with an empty placeholder, and git ignores
	 * .env.
	 */
	@Test
	void takesEverySecretFromAnEnvironmentVariableThatEnvExampleLists() throws IOException {
		Map<String, String> example = new LinkedHashMap<>();
		for (String line : Files.readAllLines(ROOT.resolve(".env.example"))) {
			if (!line.isBlank() && !line.startsWith("#")) {
				example.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
			}
		}
		List<String> secrets = new ArrayList<>();
		services().forEach((name, definition) -> {
			@SuppressWarnings("unchecked")
			Map<String, Object> environment = (Map<String, Object>) ((Map<String, Object>) definition)
				.getOrDefault("environment", Map.of());
			environment.forEach((variable, value) -> {
				if (variable.matches(".*(SECRET|PASSWORD).*")) {
					secrets.add(name + " " + variable);
					var required = REQUIRED_VARIABLE.matcher(String.valueOf(value));
					assertThat(required.matches()).as(name + " " + variable + " = " + value).isTrue();
					assertThat(example).as(".env.example").containsEntry(required.group(1), "");
				}
			});
		});
		@SuppressWarnings("unchecked")
		Map<String, Map<String, Object>> composeSecrets = (Map<String, Map<String, Object>>) compose.get("secrets");
		composeSecrets.values()
			.forEach(secret -> assertThat(example).containsEntry(String.valueOf(secret.get("environment")), ""));

		assertThat(secrets).contains("postgres POSTGRES_PASSWORD", "intake PROLO_SECURITY_CLIENT_SECRET",
				"workflow PROLO_SECURITY_CLIENT_SECRET", "portal PROLO_SECURITY_LOGIN_SECRET",
				"grafana GF_SECURITY_ADMIN_PASSWORD");
		assertThat(Files.readAllLines(ROOT.resolve(".gitignore"))).contains(".env");
	}

	/**
	 * Compose runs production: no service has the demo profile, and each one that signs
	 * in gets the sign-in secret and, where it makes client-credentials calls, its own.
	 */
	@ParameterizedTest
	@MethodSource("signedInServices")
	void runsEachServiceWithoutTheDemoProfileAndWithItsSecrets(String name) throws IOException {
		Map<String, Object> environment = environment(name);

		assertThat(String.valueOf(environment.get("SPRING_PROFILES_ACTIVE"))).doesNotContain("demo");
		assertThat(environment).containsKey("PROLO_SECURITY_LOGIN_SECRET");
		if (applicationYaml(name).containsKey("prolo.security.client.id")) {
			assertThat(environment).containsKey("PROLO_SECURITY_CLIENT_SECRET");
		}
	}

	/**
	 * Without the demo profile notification runs no SMTP server of its own: it sends to
	 * Mailpit, and waits for it.
	 */
	@Test
	void pointsNotificationAtMailpit() {
		Map<String, Object> mailpit = service(MAILPIT);
		Map<String, Object> environment = environment("notification");
		@SuppressWarnings("unchecked")
		Map<String, Map<String, Object>> dependsOn = (Map<String, Map<String, Object>>) service("notification")
			.get("depends_on");

		assertThat(String.valueOf(mailpit.get("image"))).startsWith("axllent/mailpit:");
		assertThat(environment).containsEntry("SMTP_HOST", MAILPIT).containsEntry("SMTP_PORT", "1025");
		assertThat(dependsOn).containsEntry(MAILPIT, Map.of("condition", "service_healthy"));
		assertThat(strings(service("notification").get("ports"))).noneMatch(port -> port.contains("3025"));
	}

	@Test
	void grafanaHasNoAnonymousAccessAndItsAdminPasswordFromEnv() {
		Map<String, Object> environment = environment("grafana");

		assertThat(environment).containsEntry("GF_AUTH_ANONYMOUS_ENABLED", "false")
			.doesNotContainKey("GF_AUTH_ANONYMOUS_ORG_ROLE");
		assertThat(String.valueOf(environment.get("GF_SECURITY_ADMIN_PASSWORD"))).matches(REQUIRED_VARIABLE);
	}

	@Test
	void runsTheBrokerInKraftModeWithoutAutoCreatedTopics() {
		@SuppressWarnings("unchecked")
		Map<String, Object> environment = (Map<String, Object>) service("kafka").get("environment");

		assertThat(environment).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
			.containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
	}

	/**
	 * Each service signs in as its own PostgreSQL user, which the postgres container's
	 * init script creates with the password .env gives both; the superuser's password
	 * reaches no service.
	 */
	@ParameterizedTest
	@MethodSource("serviceModules")
	void signsEachServiceInToPostgresAsItsOwnUser(String name) throws IOException {
		Map<String, Object> environment = environment(name);
		String script = Files.readString(ROOT.resolve(SERVICE_USERS_SCRIPT));
		String password = name.toUpperCase(java.util.Locale.ROOT) + "_DB_PASSWORD";

		assertThat(environment).doesNotContainKeys("POSTGRES_PASSWORD", "POSTGRES_USER");
		if (!onPostgres(name)) {
			assertThat(environment).doesNotContainKeys("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
			return;
		}
		assertThat(environment).containsEntry("SPRING_DATASOURCE_USERNAME", "prolo_" + name);
		assertThat(requiredVariable(environment.get("SPRING_DATASOURCE_PASSWORD"))).isEqualTo(password);
		assertThat(requiredVariable(environment("postgres").get(password))).isEqualTo(password);
		assertThat(script).containsPattern("for service in [a-z ]*\\b" + name + "\\b[a-z ]*; do");
		// The profile's database is the one the script makes the service's own.
		assertThat(Files.readString(ROOT.resolve("services/" + name + "/src/main/resources/application-postgres.yml")))
			.containsPattern("/prolo_" + name + "(\\?|\\s)");
		assertThat(strings(service("postgres").get("volumes")))
			.contains("./" + SERVICE_USERS_SCRIPT + ":/docker-entrypoint-initdb.d/service-users.sh:ro");
	}

	/**
	 * A URL a service calls another service at points, inside the compose network, at
	 * that service's name and port: its default (localhost) would be the caller's own
	 * container. Links handed to browsers stay on localhost.
	 */
	@ParameterizedTest
	@MethodSource("serviceModules")
	void callsOtherServicesByTheirNamesInTheNetwork(String name) throws IOException {
		Map<String, Integer> portsByOwner = new LinkedHashMap<>();
		for (String module : serviceModules()) {
			portsByOwner.put(module, port(module));
		}
		Map<String, String> calledUrls = new LinkedHashMap<>();
		applicationYaml(name).forEach((key, value) -> {
			if (key.endsWith("-url") && !BROWSER_LINKS.contains(key)) {
				calledUrls.put(key, String.valueOf(value));
			}
		});
		var defaults = Pattern.compile("@Value\\(\"\\$\\{([a-z.-]+-url):([^}]+)}\"\\)")
			.matcher(mainSources(ROOT.resolve("services").resolve(name)));
		while (defaults.find()) {
			calledUrls.putIfAbsent(defaults.group(1), defaults.group(2));
		}
		Map<String, Object> environment = environment(name);

		calledUrls.forEach((property, url) -> {
			var local = Pattern.compile("http://(localhost|127\\.0\\.0\\.1):(\\d+).*").matcher(url);
			assertThat(local.matches()).as(name + " " + property + " = " + url).isTrue();
			int port = Integer.parseInt(local.group(2));
			String owner = portsByOwner.entrySet()
				.stream()
				.filter(entry -> entry.getValue() == port)
				.map(Map.Entry::getKey)
				.findFirst()
				.orElseThrow(() -> new AssertionError(name + " " + property + ": no service on port " + port));
			String variable = property.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
			assertThat(environment).as(name + " " + property).containsEntry(variable, "http://" + owner + ":" + port);
			assertThat(service(owner)).isNotNull();
		});
		if (name.equals("intake")) {
			assertThat(calledUrls).containsKey("intake.timeline-url");
		}
	}

	/**
	 * Health checks pass only once a container can serve: services by their actuator's
	 * status line (not "UP" anywhere in the body, which a readiness answer listing its
	 * components has even when it is DOWN), PostgreSQL over TCP (its init scripts run on
	 * a socket-only server), each with a start period for the slow first start.
	 */
	@Test
	void healthChecksPassOnlyWhenReady() {
		services().forEach((name, definition) -> {
			@SuppressWarnings("unchecked")
			Map<String, Object> healthcheck = (Map<String, Object>) ((Map<String, Object>) definition)
				.get("healthcheck");
			if (healthcheck == null) {
				return;
			}
			String test = String.join(" ", strings(healthcheck.get("test")));
			assertThat(healthcheck).as(name).containsKey("start_period");
			assertThat(test).as(name).doesNotContain("grep -q UP");
			if (test.contains("/actuator/health")) {
				assertThat(test).as(name).contains("head -1 <&3 | grep -q \" 200 \"");
			}
		});
		assertThat(String.valueOf(service("postgres").get("healthcheck"))).contains("pg_isready -h 127.0.0.1");
	}

	/**
	 * Every container waits for what it needs to be usable, not merely started: healthy
	 * where the dependency has a health check, completed for a one-shot job.
	 */
	@Test
	void everyDependencyWaitsForItsConditionToHold() {
		services().forEach((name, definition) -> {
			Object dependsOn = ((Map<?, ?>) definition).get("depends_on");
			if (dependsOn == null) {
				return;
			}
			assertThat(dependsOn).as(name + " depends_on with conditions").isInstanceOf(Map.class);
			((Map<?, ?>) dependsOn).forEach((dependency, condition) -> {
				Map<String, Object> target = service(String.valueOf(dependency));
				String wanted = target.containsKey("healthcheck") ? "service_healthy"
						: "service_completed_successfully";
				assertThat(String.valueOf(((Map<?, ?>) condition).get("condition"))).as(name + " -> " + dependency)
					.isEqualTo(wanted);
				if (wanted.equals("service_completed_successfully")) {
					assertThat(target).as(dependency + " runs once").doesNotContainKey("restart");
				}
			});
		});
	}

	/**
	 * Topics and the KRaft metadata live on the volume (the image's default log.dirs is
	 * under /tmp), and the image's user appuser may write there whoever made the volume.
	 */
	@Test
	void keepsKafkasDataOnItsVolumeOwnedByTheImagesUser() {
		Map<String, Object> kafka = service("kafka");
		Map<String, Object> owner = service(KAFKA_DATA_OWNER);
		String logDirs = String.valueOf(environment("kafka").get("KAFKA_LOG_DIRS"));

		assertThat(strings(kafka.get("volumes"))).contains("kafka-data:" + logDirs);
		assertThat(strings(owner.get("volumes"))).contains("kafka-data:" + logDirs);
		assertThat(owner.get("image")).isEqualTo(kafka.get("image"));
		assertThat(owner).containsEntry("user", "root");
		assertThat(String.join(" ", strings(owner.get("command")))).contains("chown -R appuser " + logDirs);
		assertThat(kafka).doesNotContainKey("user");
	}

	/**
	 * Every service with a tracer exports its spans over OTLP/HTTP to Jaeger, whose
	 * receiver listens on the network; the exporter is a dependency of the shared
	 * platform module, and log lines carry the trace id.
	 */
	@ParameterizedTest
	@MethodSource("serviceModules")
	void exportsTracesToJaegerOverOtlp(String name) throws IOException {
		String pom = Files.readString(ROOT.resolve("services").resolve(name).resolve("pom.xml"));
		// platform/events at run time brings the tracer; its test-jar (LocalPostgres)
		// does not.
		boolean traced = Arrays.stream(pom.split("<dependency>"))
			.filter(dependency -> !dependency.contains("<scope>test</scope>"))
			.anyMatch(dependency -> dependency.contains("<artifactId>events</artifactId>")
					|| dependency.contains("<artifactId>micrometer-tracing-bridge-otel</artifactId>"));
		String platform = Files.readString(ROOT.resolve("platform/events/pom.xml"));

		if (traced) {
			assertThat(environment(name)).containsEntry("MANAGEMENT_OTLP_TRACING_ENDPOINT",
					"http://" + JAEGER + ":4318/v1/traces");
		}
		else {
			assertThat(pom).doesNotContain("micrometer-tracing");
		}
		assertThat(platform).contains("<artifactId>micrometer-tracing-bridge-otel</artifactId>")
			.contains("<artifactId>opentelemetry-exporter-otlp</artifactId>");
		assertThat(Files.readString(
				ROOT.resolve("platform/events/src/main/java/org/prolo/platform/events/ObservabilityDefaults.java")))
			.contains("\"logging.pattern.correlation\", \"[%X{traceId:-},%X{spanId:-}] \"");
		assertThat(String.valueOf(service(JAEGER).get("image"))).startsWith("jaegertracing/");
		assertThat(strings(service(JAEGER).get("command")))
			.contains("--set=receivers.otlp.protocols.http.endpoint=0.0.0.0:4318");
	}

	@Test
	void offersAReadOnlyKafkaUiOnTheComposeBroker() {
		Map<String, Object> ui = service("kafka-ui");
		Map<String, Object> environment = environment("kafka-ui");

		assertThat(String.valueOf(ui.get("image"))).startsWith("kafbat/kafka-ui:");
		assertThat(environment).containsEntry("KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS", "kafka:9092")
			.containsEntry("KAFKA_CLUSTERS_0_READONLY", "true");
		assertThat(strings(ui.get("ports"))).allSatisfy(port -> assertThat(port).startsWith("127.0.0.1:"));
	}

	/**
	 * What has no sign-in of its own (Mailpit shows the letters, Prometheus answers any
	 * query) or signs in demo users (the trial Keycloak realm) is reachable from this
	 * machine only.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "mailpit", "prometheus", "keycloak", "kafka-ui", JAEGER })
	void publishesUnguardedToolsOnLoopbackOnly(String name) {
		assertThat(strings(service(name).get("ports"))).isNotEmpty()
			.allSatisfy(port -> assertThat(port).startsWith("127.0.0.1:"));
	}

	/**
	 * The alert rules cover what must wake an operator, each on a series some service
	 * really exposes.
	 */
	@Test
	void alertsOnDeadLettersBacklogLagOverdueTasksAndIncidentsWithMetricsTheCodeRegisters() throws IOException {
		Map<String, Object> rules;
		try (InputStream in = Files.newInputStream(ROOT.resolve("ops/prometheus/alerts.yml"))) {
			rules = new Yaml().load(in);
		}
		Map<String, Object> prometheus;
		try (InputStream in = Files.newInputStream(ROOT.resolve("ops/prometheus/prometheus.yml"))) {
			prometheus = new Yaml().load(in);
		}
		List<String> expressions = new ArrayList<>();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> groups = (List<Map<String, Object>>) rules.get("groups");
		for (Map<String, Object> group : groups) {
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> groupRules = (List<Map<String, Object>>) group.get("rules");
			for (Map<String, Object> rule : groupRules) {
				assertThat(rule).containsKeys("alert", "expr", "labels", "annotations");
				expressions.add(String.valueOf(rule.get("expr")));
			}
		}

		assertThat(registeredMeters(String.join("\n", expressions))).contains("prolo.events.dead.lettered",
				"prolo.outbox.backlog", "prolo.tasks.overdue", "prolo.incidents.open");
		assertThat(expressions)
			.anyMatch(expression -> expression.contains("kafka_consumer_fetch_manager_records_lag_max"));
		assertThat(strings(prometheus.get("rule_files"))).containsExactly("/etc/prometheus/alerts.yml");
		assertThat(strings(service("prometheus").get("volumes")))
			.contains("./ops/prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro");
	}

	private static String requiredVariable(Object value) {
		var required = REQUIRED_VARIABLE.matcher(String.valueOf(value));
		assertThat(required.matches()).as(String.valueOf(value)).isTrue();
		return required.group(1);
	}

	private static int port(String name) throws IOException {
		return Integer.parseInt(String.valueOf(applicationYaml(name).get("server.port")));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> environment(String name) {
		return (Map<String, Object>) service(name).getOrDefault("environment", Map.of());
	}

	private static String camelCase(String upperSnake) {
		StringBuilder camel = new StringBuilder();
		for (String part : upperSnake.toLowerCase(java.util.Locale.ROOT).split("_")) {
			camel.append(camel.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
		}
		return camel.toString();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> services() {
		return (Map<String, Object>) compose.get("services");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> service(String name) {
		Object service = services().get(name);
		assertThat(service).as("docker-compose.yml service " + name).isNotNull();
		return (Map<String, Object>) service;
	}

	/** application.yml flattened to dotted keys, whichever way it nests them. */
	static Map<String, Object> applicationYaml(String name) throws IOException {
		return yamlOf(ROOT.resolve("services").resolve(name).resolve("src/main/resources/application.yml"));
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
		return Arrays.stream(String.valueOf(value).split("\\s*,\\s*")).filter(s -> !s.isBlank()).toList();
	}

}
