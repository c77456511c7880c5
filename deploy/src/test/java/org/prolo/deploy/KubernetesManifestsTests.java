package org.prolo.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No cluster runs here and kustomize is not installed, so this keeps deploy/k8s in step
 * with the code. It reads every manifest with the Kubernetes model (Strimzi's and
 * CloudNativePG's resources as generic ones), applies the production overlay's
 * strategic-merge patches and image settings itself, and checks the result against the
 * services' own configuration: a Deployment and Service per service module on its port,
 * probes on health groups the service has, every topic the code uses as a KafkaTopic with
 * the production settings, a Kafka user per service allowed exactly what its code does,
 * and every setting a service needs in production supplied from a ConfigMap or a Secret
 * that no file in git holds a value of.
 */
class KubernetesManifestsTests {

	static final Path ROOT = ServiceModules.ROOT;

	static final Path K8S = ROOT.resolve("deploy/k8s");

	static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

	/** Secrets Strimzi's operators write: one per KafkaUser and the brokers' CA. */
	static final String STRIMZI_USER_KEY = "sasl.jaas.config";

	static List<HasMetadata> base;

	/** The production overlay as kustomize would render it. */
	static List<HasMetadata> production;

	@BeforeAll
	static void render() throws IOException {
		base = resources(K8S.resolve("base"));
		production = overlay(K8S.resolve("overlays/production"), base);
	}

	// ---- services

	@ParameterizedTest
	@MethodSource("org.prolo.deploy.ServiceModules#serviceModules")
	void runsEveryServiceModuleAsADeploymentWithAServiceOnItsPort(String name) throws IOException {
		int port = port(name);
		Deployment deployment = deployment(name);
		Container container = container(name);
		Service service = named(Service.class, name);

		assertThat(container.getPorts()).singleElement().satisfies(p -> {
			assertThat(p.getName()).isEqualTo("http");
			assertThat(p.getContainerPort()).isEqualTo(port);
		});
		assertThat(service.getSpec().getPorts()).extracting(ServicePort::getPort).containsExactly(port);
		assertThat(service.getSpec().getPorts()).extracting(p -> p.getTargetPort().getStrVal()).containsExactly("http");
		assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
			.containsAllEntriesOf(service.getSpec().getSelector())
			.containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
		assertThat(container.getImage()).isEqualTo("registry.clinic.example/prolo/" + name + ":0.1.0");
		assertThat(production).filteredOn(resource -> resource instanceof Deployment)
			.extracting(resource -> resource.getMetadata().getName())
			.containsExactlyInAnyOrderElementsOf(ServiceModules.serviceModules());
	}

	@ParameterizedTest
	@MethodSource("org.prolo.deploy.ServiceModules#serviceModules")
	void probesAskHealthGroupsTheServiceHas(String name) throws IOException {
		Container container = container(name);
		Set<String> groups = healthGroups(name);

		assertThat(groups).contains("liveness", "readiness");
		assertThat(ServiceModules
			.strings(ServiceModules.applicationYaml(name).get("management.endpoints.web.exposure.include")))
			.contains("health");
		assertThat(container.getLivenessProbe()).isNotNull();
		assertThat(container.getReadinessProbe()).isNotNull();
		assertThat(container.getStartupProbe()).isNotNull();
		for (Probe probe : List.of(container.getLivenessProbe(), container.getReadinessProbe(),
				container.getStartupProbe())) {
			String path = probe.getHttpGet().getPath();
			assertThat(path).startsWith("/actuator/health/");
			assertThat(groups).as(name + " health groups").contains(path.substring("/actuator/health/".length()));
			assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
		}
		// Liveness must not depend on the database or the broker: an outage of either
		// would restart every pod.
		assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
		assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
	}

	@ParameterizedTest
	@MethodSource("org.prolo.deploy.ServiceModules#serviceModules")
	void boundsResourcesAndRunsWithoutRootOrPrivileges(String name) throws IOException {
		var pod = deployment(name).getSpec().getTemplate().getSpec();
		Container container = container(name);

		assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
		assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
		assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
		assertThat(pod.getAutomountServiceAccountToken()).isFalse();
		assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
		assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
		assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
		// The image's user (deploy/k8s/Dockerfile) is the one the pod runs as.
		assertThat(Files.readString(K8S.resolve("Dockerfile"))).contains(
				"USER " + pod.getSecurityContext().getRunAsUser() + ":" + pod.getSecurityContext().getRunAsGroup());
	}

	@Test
	void runsWorkflowAndIntakeInTwoReplicasThatADisruptionLeavesOneOf() throws IOException {
		for (String name : ServiceModules.serviceModules()) {
			Deployment deployment = deployment(name);
			List<PodDisruptionBudget> budgets = production.stream()
				.filter(PodDisruptionBudget.class::isInstance)
				.map(PodDisruptionBudget.class::cast)
				.filter(budget -> deployment.getSpec()
					.getTemplate()
					.getMetadata()
					.getLabels()
					.entrySet()
					.containsAll(budget.getSpec().getSelector().getMatchLabels().entrySet()))
				.toList();
			if (name.equals("workflow") || name.equals("intake")) {
				assertThat(deployment.getSpec().getReplicas()).as(name).isGreaterThanOrEqualTo(2);
			}
			if (deployment.getSpec().getReplicas() > 1) {
				assertThat(budgets).as(name).singleElement().satisfies(budget -> {
					assertThat(budget.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
					assertThat(budget.getMetadata().getName()).isEqualTo(name);
				});
				// A browser's sign-in state is in one replica's session.
				if (ServiceModules.signedInServices().contains(name)) {
					assertThat(named(Service.class, name).getSpec().getSessionAffinity()).as(name)
						.isEqualTo("ClientIP");
				}
			}
			else {
				// A budget on one replica would block every node drain.
				assertThat(budgets).as(name).isEmpty();
			}
		}
	}

	// ---- Kafka

	@Test
	void declaresEveryTopicTheCodeUsesWithTheProductionSettings() throws IOException {
		Set<String> expected = new TreeSet<>();
		for (String topic : codeTopics()) {
			expected.add(topic);
			expected.add(topic + ".DLT");
		}
		for (String name : ServiceModules.brokerServices()) {
			Map<String, Object> yaml = ServiceModules.applicationYaml(name);
			ServiceModules.strings(yaml.get("prolo.events.owned-topics")).forEach(expected::add);
			ServiceModules.strings(yaml.get("prolo.events.consumed-topics"))
				.forEach(topic -> expected.add(topic + ".DLT"));
		}
		Map<String, String> events = configMap("prolo-events");
		List<GenericKubernetesResource> topics = custom("KafkaTopic");

		assertThat(topics).extracting(topic -> (String) spec(topic).get("topicName"))
			.containsExactlyInAnyOrderElementsOf(expected);
		assertThat(topics).allSatisfy(topic -> {
			assertThat(topic.getApiVersion()).isEqualTo("kafka.strimzi.io/v1beta2");
			assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", kafkaCluster());
			assertThat(spec(topic).get("partitions"))
				.isEqualTo(Integer.parseInt(events.get("PROLO_EVENTS_PARTITIONS")));
			assertThat(spec(topic).get("replicas")).isEqualTo(3)
				.isEqualTo(Integer.parseInt(events.get("PROLO_EVENTS_REPLICATION_FACTOR")));
			@SuppressWarnings("unchecked")
			Map<String, Object> config = (Map<String, Object>) spec(topic).get("config");
			assertThat(String.valueOf(config.get("min.insync.replicas"))).isEqualTo("2")
				.isEqualTo(events.get("PROLO_EVENTS_MIN_INSYNC_REPLICAS"));
		});
		// Topics are the Topic Operator's: the services create none.
		assertThat(events).containsEntry("SPRING_KAFKA_ADMIN_AUTO_CREATE", "false");
		assertThat(events.get("KAFKA_BOOTSTRAP_SERVERS")).startsWith(kafkaCluster() + "-kafka-bootstrap:");
	}

	@ParameterizedTest
	@MethodSource("org.prolo.deploy.ServiceModules#brokerServices")
	void givesEachServiceOnTheBusAUserAllowedExactlyWhatItsCodeDoes(String name) throws IOException {
		Map<String, Object> yaml = ServiceModules.applicationYaml(name);
		Map<String, Set<String>> listeners = listeners(name);
		Set<String> listened = new TreeSet<>(listeners.keySet());
		Set<String> groups = new TreeSet<>();
		listeners.values().forEach(groups::addAll);
		Set<String> expected = new TreeSet<>();
		ServiceModules.strings(yaml.get("prolo.events.owned-topics"))
			.forEach(topic -> expected.addAll(acls("topic", topic, "Write", "Describe")));
		for (String topic : listened) {
			expected.addAll(acls("topic", topic, "Read", "Describe"));
			// Records it cannot process go to the dead-letter topic; its
			// /actuator/deadletters reads them.
			expected.addAll(acls("topic", topic + ".DLT", "Write", "Read", "Describe"));
		}
		groups.forEach(group -> expected.addAll(acls("group", group, "Read")));

		GenericKubernetesResource user = custom("KafkaUser").stream()
			.filter(candidate -> candidate.getMetadata().getName().equals(kafkaUser(name)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No KafkaUser " + kafkaUser(name)));

		// The configuration's consumed topics (dead-letter topics, metrics) are what
		// the listeners read.
		assertThat(ServiceModules.strings(yaml.get("prolo.events.consumed-topics")))
			.containsExactlyInAnyOrderElementsOf(listened);
		assertThat(user.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", kafkaCluster());
		assertThat(spec(user).get("authentication")).isEqualTo(Map.of("type", "scram-sha-512"));
		assertThat(grantedAcls(user)).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(secretRefs(name)).containsEntry("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG",
				kafkaUser(name) + "/" + STRIMZI_USER_KEY);
		assertThat(environment(name)).containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512")
			.containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
	}

	@Test
	void givesNoKafkaUserOrBrokerSettingsToServicesOffTheBus() throws IOException {
		List<String> onTheBus = ServiceModules.brokerServices();
		assertThat(custom("KafkaUser")).extracting(user -> user.getMetadata().getName())
			.containsExactlyInAnyOrderElementsOf(onTheBus.stream().map(KubernetesManifestsTests::kafkaUser).toList());
		for (String name : ServiceModules.serviceModules()) {
			if (!onTheBus.contains(name)) {
				assertThat(environment(name)).as(name).doesNotContainKey("KAFKA_BOOTSTRAP_SERVERS");
			}
		}
	}

	// ---- settings

	/**
	 * What a service cannot run in production without: every ${VARIABLE} its
	 * configuration reads, every address that defaults to this machine, the sign-in
	 * settings, its database, and the credentials only the demo profile brings.
	 */
	@ParameterizedTest
	@MethodSource("org.prolo.deploy.ServiceModules#serviceModules")
	void suppliesEverySettingAServiceNeedsInProduction(String name) throws IOException {
		Map<String, String> environment = environment(name);
		List<String> profiles = List.of(environment.getOrDefault("SPRING_PROFILES_ACTIVE", "").split(","));
		Map<String, Object> yaml = ServiceModules.applicationYaml(name);
		List<String> required = new ArrayList<>();

		assertThat(profiles).doesNotContain("demo");
		if (ServiceModules.onPostgres(name)) {
			assertThat(profiles).contains("postgres");
			required.addAll(placeholders(ServiceModules.resource(name, "application-postgres.yml")));
		}
		required.addAll(placeholders(ServiceModules.resource(name, "application.yml")));
		for (var entry : yaml.entrySet()) {
			String value = String.valueOf(entry.getValue());
			if (LOCAL_ADDRESS.matcher(value).find() && !value.contains("${")) {
				required.add(entry.getKey());
			}
		}
		required.addAll(localDefaultsInCode(name));
		if (!name.equals(ServiceModules.IDENTITY)) {
			required.addAll(List.of("prolo.security.issuer", "prolo.security.login.secret"));
			if (yaml.containsKey("prolo.security.client.id")) {
				required.add("prolo.security.client.secret");
			}
		}
		Map<String, Object> demo = demoYaml(name);
		for (String key : demo.keySet()) {
			if (key.endsWith(".secret") || key.endsWith("-key-id")) {
				required.add(key);
			}
		}

		assertThat(required).allSatisfy(setting -> assertThat(supplies(environment, setting))
			.as(name + " needs " + setting + " (" + envName(setting) + ")")
			.isTrue());
		// A key the demo profile brings: the production one is named by the active key
		// id and supplied.
		for (String key : demo.keySet()) {
			Matcher keys = Pattern.compile("(.*\\.keys)\\.[^.]+").matcher(key);
			if (keys.matches()) {
				String activeKeyId = keys.group(1).replaceFirst("\\.keys$", ".active-key-id");
				String id = environment.get(envName(activeKeyId));
				assertThat(id).as(name + " " + activeKeyId).isNotBlank();
				assertThat(environment).as(name + " " + keys.group(1))
					.containsKey(envName(keys.group(1)) + "_" + id.toUpperCase(Locale.ROOT));
			}
		}
	}

	@Test
	void registersAtTheIdentityServiceEveryClientTheServicesSignInAs() throws IOException {
		Map<String, String> identity = environment(ServiceModules.IDENTITY);
		Map<String, String> identityRefs = secretRefs(ServiceModules.IDENTITY);
		Map<String, String> registered = new HashMap<>();
		for (int i = 0; identity.containsKey("PROLO_IDENTITY_CLIENTS_" + i + "_ID"); i++) {
			registered.put(identity.get("PROLO_IDENTITY_CLIENTS_" + i + "_ID"),
					identityRefs.get("PROLO_IDENTITY_CLIENTS_" + i + "_SECRET"));
		}
		String issuer = identity.get("PROLO_IDENTITY_ISSUER");
		List<Integer> ports = new ArrayList<>();

		for (String name : ServiceModules.signedInServices()) {
			Map<String, String> environment = environment(name);
			Map<String, String> refs = secretRefs(name);
			assertThat(environment).as(name)
				.containsEntry("PROLO_SECURITY_ISSUER", issuer)
				.containsEntry("PROLO_SECURITY_BROWSER_URI", issuer)
				.containsEntry("PROLO_SECURITY_INTERNAL_URI", "http://identity:" + port(ServiceModules.IDENTITY));
			assertThat(registered).as(name).containsEntry("prolo-web", refs.get("PROLO_SECURITY_LOGIN_SECRET"));
			Object client = ServiceModules.applicationYaml(name).get("prolo.security.client.id");
			if (client != null) {
				assertThat(registered).as(name)
					.containsEntry(String.valueOf(client), refs.get("PROLO_SECURITY_CLIENT_SECRET"));
			}
			ports.add(port(name));
		}
		assertThat(ServiceModules.strings(identity.get("PROLO_IDENTITY_REDIRECT_PORTS")).stream().map(Integer::valueOf))
			.containsExactlyInAnyOrderElementsOf(ports);
		assertThat(identity).containsEntry("PROLO_IDENTITY_KEY_FILE", "/keys/jwk.json");
		assertThat(container(ServiceModules.IDENTITY).getVolumeMounts())
			.anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/keys"));
	}

	/**
	 * Each service's database user is its own, and the CloudNativePG example creates
	 * exactly the user and database its configuration connects to.
	 */
	@ParameterizedTest
	@MethodSource("org.prolo.deploy.ServiceModules#serviceModules")
	void connectsEachServiceToItsOwnDatabaseAsItsOwnUser(String name) throws IOException {
		List<HasMetadata> postgres = resources(K8S.resolve("postgres"));
		GenericKubernetesResource cluster = postgres.stream()
			.filter(resource -> resource.getKind().equals("Cluster"))
			.map(GenericKubernetesResource.class::cast)
			.findFirst()
			.orElseThrow();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> roles = (List<Map<String, Object>>) ((Map<String, Object>) spec(cluster)
			.get("managed")).get("roles");
		List<Map<String, Object>> databases = postgres.stream()
			.filter(resource -> resource.getKind().equals("Database"))
			.map(resource -> spec((GenericKubernetesResource) resource))
			.toList();
		if (!ServiceModules.onPostgres(name)) {
			assertThat(environment(name)).doesNotContainKey("POSTGRES_HOST");
			assertThat(roles).noneMatch(role -> role.get("name").equals(databaseUser(name)));
			return;
		}
		String url = String.valueOf(ServiceModules.yamlOf(ServiceModules.resource(name, "application-postgres.yml"))
			.get("spring.datasource.url"));
		String database = url.replaceFirst(".*/([a-z_]+)(\\?.*)?$", "$1");

		assertThat(environment(name)).containsEntry("POSTGRES_HOST", cluster.getMetadata().getName() + "-rw");
		assertThat(secretRefs(name)).containsEntry("POSTGRES_USER", "prolo-db-" + name + "/username")
			.containsEntry("POSTGRES_PASSWORD", "prolo-db-" + name + "/password");
		assertThat(roles).anySatisfy(role -> {
			assertThat(role).containsEntry("name", databaseUser(name)).containsEntry("login", true);
			assertThat(role.get("passwordSecret")).isEqualTo(Map.of("name", "prolo-db-" + name));
		});
		assertThat(databases).anySatisfy(spec -> assertThat(spec).containsEntry("name", database)
			.containsEntry("owner", databaseUser(name))
			.containsEntry("cluster", Map.of("name", cluster.getMetadata().getName())));
		assertThat(template(secretTemplate(), "prolo-db-" + name).getStringData()).containsEntry("username",
				databaseUser(name));
	}

	// ---- secrets and the overlay

	/**
	 * Every Secret a pod reads is either in the template
	 * (deploy/k8s/secrets.example.yaml, which holds no value and which no kustomization
	 * applies) or one Strimzi writes.
	 */
	@Test
	void readsOnlySecretsTheTemplateListsOrStrimziWritesAndCommitsNoValue() throws IOException {
		List<Secret> template = secretTemplate();
		Set<String> strimzi = new HashSet<>();
		custom("KafkaUser").forEach(user -> {
			strimzi.add(user.getMetadata().getName() + "/" + STRIMZI_USER_KEY);
			strimzi.add(user.getMetadata().getName() + "/password");
		});
		strimzi.add(kafkaCluster() + "-cluster-ca-cert/ca.crt");
		Set<String> offered = new HashSet<>(strimzi);
		template.forEach(secret -> secret.getStringData()
			.keySet()
			.forEach(key -> offered.add(secret.getMetadata().getName() + "/" + key)));

		for (String name : ServiceModules.serviceModules()) {
			assertThat(secretRefs(name).values()).as(name).allSatisfy(ref -> assertThat(offered).contains(ref));
			deployment(name).getSpec()
				.getTemplate()
				.getSpec()
				.getVolumes()
				.stream()
				.filter(volume -> volume.getSecret() != null)
				.forEach(volume -> {
					var items = volume.getSecret().getItems();
					String secret = volume.getSecret().getSecretName();
					if (items == null || items.isEmpty()) {
						assertThat(template).as(name)
							.anySatisfy(s -> assertThat(s.getMetadata().getName()).isEqualTo(secret));
					}
					else {
						items.forEach(item -> assertThat(offered).contains(secret + "/" + item.getKey()));
					}
				});
		}
		// No value but a database user's name.
		assertThat(template).allSatisfy(secret -> secret.getStringData()
			.forEach((key, value) -> assertThat(value).as(secret.getMetadata().getName() + " " + key)
				.isEqualTo("kubernetes.io/basic-auth".equals(secret.getType()) && key.equals("username")
						? databaseUser(secret.getMetadata().getName().replaceFirst("^prolo-db-", "")) : "")));
		assertThat(production).noneMatch(Secret.class::isInstance);
		assertThat(Files.readAllLines(ROOT.resolve(".gitignore"))).contains("deploy/k8s/secrets.yaml");
		try (Stream<Path> files = Files.walk(K8S)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				assertThat(Files.readString(file)).as(file.toString())
					.doesNotContainPattern("\\b(" + String.join("|", ServiceModules.DEMO_CLIENTS) + ")-secret\\b");
			}
		}
	}

	@Test
	void theOverlayPatchesOnlyWhatTheBaseHasAndEveryPodReadsConfigMapsThatExist() throws IOException {
		Map<String, Object> kustomization = kustomization(K8S.resolve("overlays/production"));
		Set<String> inBase = new HashSet<>();
		base.forEach(resource -> inBase.add(resource.getKind() + "/" + resource.getMetadata().getName()));

		assertThat(kustomization.get("resources")).isEqualTo(List.of("../../base"));
		assertThat(kustomization).containsEntry("namespace", "prolo");
		for (HasMetadata patch : patches(K8S.resolve("overlays/production"))) {
			assertThat(inBase).contains(patch.getKind() + "/" + patch.getMetadata().getName());
		}
		assertThat(production)
			.allSatisfy(resource -> assertThat(resource.getMetadata().getNamespace()).isEqualTo("prolo"));
		for (String name : ServiceModules.serviceModules()) {
			container(name).getEnvFrom()
				.forEach(source -> assertThat(inBase).contains("ConfigMap/" + source.getConfigMapRef().getName()));
		}
	}

	// ---- reading the manifests

	static final Pattern LOCAL_ADDRESS = Pattern.compile("\\b(localhost|127\\.0\\.0\\.1)\\b");

	static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

	static List<HasMetadata> resources(Path directory) throws IOException {
		List<HasMetadata> all = new ArrayList<>();
		@SuppressWarnings("unchecked")
		List<String> files = (List<String>) kustomization(directory).get("resources");
		for (String file : files) {
			all.addAll(documents(directory.resolve(file)));
		}
		return all;
	}

	static List<HasMetadata> documents(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			Object parsed = SERIALIZATION.unmarshal(in);
			List<HasMetadata> documents = new ArrayList<>();
			if (parsed instanceof List<?> list) {
				list.stream().filter(Objects::nonNull).map(HasMetadata.class::cast).forEach(documents::add);
			}
			else {
				documents.add((HasMetadata) parsed);
			}
			return documents;
		}
	}

	static Map<String, Object> kustomization(Path directory) throws IOException {
		try (InputStream in = Files.newInputStream(directory.resolve("kustomization.yaml"))) {
			return new Yaml().load(in);
		}
	}

	static List<HasMetadata> patches(Path overlay) throws IOException {
		List<HasMetadata> patches = new ArrayList<>();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> listed = (List<Map<String, Object>>) kustomization(overlay).get("patches");
		for (Map<String, Object> patch : listed) {
			// Strategic-merge patches by name only: no targets, no JSON patches.
			assertThat(patch.keySet()).containsExactly("path");
			patches.addAll(documents(overlay.resolve(String.valueOf(patch.get("path")))));
		}
		return patches;
	}

	/**
	 * The subset of kustomize this overlay uses: the base, a namespace, new image names
	 * and tags, and ConfigMap data merged by name.
	 */
	@SuppressWarnings("unchecked")
	static List<HasMetadata> overlay(Path overlay, List<HasMetadata> base) throws IOException {
		Map<String, Object> kustomization = kustomization(overlay);
		List<HasMetadata> rendered = new ArrayList<>();
		base.forEach(resource -> rendered.add(SERIALIZATION.clone(resource)));
		for (HasMetadata patch : patches(overlay)) {
			assertThat(patch).as("only ConfigMaps are patched").isInstanceOf(ConfigMap.class);
			rendered.stream()
				.filter(resource -> resource instanceof ConfigMap
						&& resource.getMetadata().getName().equals(patch.getMetadata().getName()))
				.map(ConfigMap.class::cast)
				.forEach(target -> target.getData().putAll(((ConfigMap) patch).getData()));
		}
		Map<String, Map<String, Object>> images = new HashMap<>();
		((List<Map<String, Object>>) kustomization.getOrDefault("images", List.of()))
			.forEach(image -> images.put(String.valueOf(image.get("name")), image));
		for (HasMetadata resource : rendered) {
			resource.getMetadata().setNamespace(String.valueOf(kustomization.get("namespace")));
			if (resource instanceof Deployment deployment) {
				for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
					String name = container.getImage().replaceFirst(":[^:/]+$", "");
					Map<String, Object> image = images.get(name);
					assertThat(image).as("image settings for " + name).isNotNull();
					container.setImage(image.get("newName") + ":" + image.get("newTag"));
				}
			}
		}
		return rendered;
	}

	static <T extends HasMetadata> T named(Class<T> type, String name) {
		return production.stream()
			.filter(type::isInstance)
			.map(type::cast)
			.filter(resource -> resource.getMetadata().getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + type.getSimpleName() + " " + name));
	}

	static Deployment deployment(String name) {
		return named(Deployment.class, name);
	}

	static Container container(String name) {
		List<Container> containers = deployment(name).getSpec().getTemplate().getSpec().getContainers();
		assertThat(containers).as(name).hasSize(1);
		return containers.get(0);
	}

	static Map<String, String> configMap(String name) {
		return named(ConfigMap.class, name).getData();
	}

	/** What the container's environment holds: its ConfigMaps, its own values. */
	static Map<String, String> environment(String name) {
		Container container = container(name);
		Map<String, String> environment = new LinkedHashMap<>();
		container.getEnvFrom().forEach(source -> environment.putAll(configMap(source.getConfigMapRef().getName())));
		for (EnvVar variable : container.getEnv()) {
			environment.put(variable.getName(),
					variable.getValueFrom() != null ? "<secret>" : String.valueOf(variable.getValue()));
		}
		return environment;
	}

	/** Variable name to secret/key, for every variable read from a Secret. */
	static Map<String, String> secretRefs(String name) {
		Map<String, String> refs = new LinkedHashMap<>();
		for (EnvVar variable : container(name).getEnv()) {
			if (variable.getValueFrom() != null) {
				var ref = variable.getValueFrom().getSecretKeyRef();
				assertThat(ref).as(name + " " + variable.getName()).isNotNull();
				refs.put(variable.getName(), ref.getName() + "/" + ref.getKey());
			}
		}
		return refs;
	}

	static List<GenericKubernetesResource> custom(String kind) {
		return production.stream()
			.filter(resource -> resource.getKind().equals(kind))
			.map(GenericKubernetesResource.class::cast)
			.toList();
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> spec(GenericKubernetesResource resource) {
		return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
	}

	static String kafkaCluster() {
		Set<String> clusters = new LinkedHashSet<>();
		custom("KafkaTopic").forEach(topic -> clusters.add(topic.getMetadata().getLabels().get("strimzi.io/cluster")));
		custom("KafkaUser").forEach(user -> clusters.add(user.getMetadata().getLabels().get("strimzi.io/cluster")));
		assertThat(clusters).hasSize(1);
		return clusters.iterator().next();
	}

	/** A service's own PostgreSQL user, as ops/postgres/service-users.sh names it. */
	static String databaseUser(String service) {
		return "prolo_" + service;
	}

	static String kafkaUser(String service) {
		return "prolo-" + service;
	}

	static List<String> acls(String type, String name, String... operations) {
		return Stream.of(operations).map(operation -> type + " " + name + " " + operation).toList();
	}

	@SuppressWarnings("unchecked")
	static List<String> grantedAcls(GenericKubernetesResource user) {
		Map<String, Object> authorization = (Map<String, Object>) spec(user).get("authorization");
		assertThat(authorization).containsEntry("type", "simple");
		List<String> granted = new ArrayList<>();
		for (Map<String, Object> acl : (List<Map<String, Object>>) authorization.get("acls")) {
			Map<String, Object> resource = (Map<String, Object>) acl.get("resource");
			assertThat(resource).containsEntry("patternType", "literal");
			for (Object operation : (List<Object>) acl.get("operations")) {
				granted.add(resource.get("type") + " " + resource.get("name") + " " + operation);
			}
		}
		return granted;
	}

	static List<Secret> secretTemplate() throws IOException {
		return documents(K8S.resolve("secrets.example.yaml")).stream().map(Secret.class::cast).toList();
	}

	static Secret template(List<Secret> secrets, String name) {
		return secrets.stream()
			.filter(secret -> secret.getMetadata().getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No Secret " + name + " in secrets.example.yaml"));
	}

	// ---- reading the code

	static int port(String name) throws IOException {
		return Integer.parseInt(String.valueOf(ServiceModules.applicationYaml(name).get("server.port")));
	}

	static Map<String, Object> demoYaml(String name) throws IOException {
		Path file = ServiceModules.resource(name, "application-demo.yml");
		return Files.isRegularFile(file) ? ServiceModules.yamlOf(file) : Map.of();
	}

	/** The UPPER_CASE ${VARIABLE}s a configuration file reads. */
	static List<String> placeholders(Path file) throws IOException {
		List<String> variables = new ArrayList<>();
		Matcher matcher = PLACEHOLDER.matcher(Files.readString(file));
		while (matcher.find()) {
			variables.add(matcher.group(1));
		}
		return variables;
	}

	/**
	 * Properties the code reads with a default on this machine,
	 * ${name:http://localhost...}.
	 */
	static List<String> localDefaultsInCode(String name) throws IOException {
		List<String> properties = new ArrayList<>();
		Pattern local = Pattern.compile("\\$\\{([a-z0-9.\\-]+):https?://(localhost|127\\.0\\.0\\.1)");
		for (String source : mainSources(name)) {
			Matcher matcher = local.matcher(source);
			while (matcher.find()) {
				properties.add(matcher.group(1));
			}
		}
		return properties;
	}

	static List<String> mainSources(String name) throws IOException {
		List<String> sources = new ArrayList<>();
		try (Stream<Path> files = Files.walk(ROOT.resolve("services").resolve(name).resolve("src/main/java"))) {
			for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
				sources.add(Files.readString(file));
			}
		}
		return sources;
	}

	/** The topics of EventTopics, by constant name and by value. */
	static Map<String, String> eventTopics() throws IOException {
		String source = Files
			.readString(ROOT.resolve("platform/events/src/main/java/org/prolo/platform/events/EventTopics.java"));
		Map<String, String> topics = new LinkedHashMap<>();
		Matcher matcher = Pattern.compile("public static final String (\\w+) = \"([^\"]+)\";").matcher(source);
		while (matcher.find()) {
			if (!matcher.group(1).startsWith("DLT_")) {
				topics.put(matcher.group(1), matcher.group(2));
			}
		}
		assertThat(topics).isNotEmpty();
		return topics;
	}

	static Set<String> codeTopics() throws IOException {
		return new TreeSet<>(eventTopics().values());
	}

	/**
	 * The topics a service's listeners read, each with the consumer groups reading it.
	 * Every @KafkaListener must be of the one form read here, so that none is missed.
	 */
	static Map<String, Set<String>> listeners(String name) throws IOException {
		Map<String, String> topics = eventTopics();
		Pattern listener = Pattern.compile("@KafkaListener\\(topics = EventTopics\\.(\\w+), groupId = \"([^\"]+)\"\\)");
		Map<String, Set<String>> listened = new LinkedHashMap<>();
		for (String source : mainSources(name)) {
			Matcher matcher = listener.matcher(source);
			int found = 0;
			while (matcher.find()) {
				found++;
				assertThat(topics).containsKey(matcher.group(1));
				listened.computeIfAbsent(topics.get(matcher.group(1)), topic -> new TreeSet<>()).add(matcher.group(2));
			}
			assertThat(found).as(name + ": a @KafkaListener of another form")
				.isEqualTo(source.split("@KafkaListener\\b", -1).length - 1);
		}
		return listened;
	}

	/**
	 * The environment variable relaxed binding reads a property from:
	 * prolo.security.login.secret is PROLO_SECURITY_LOGIN_SECRET; a dash is dropped
	 * (INTAKE_PATIENTDATA_ACTIVEKEYID) or, as Boot also accepts, an underscore
	 * (INTAKE_TIMELINE_URL).
	 */
	static String envName(String property) {
		return property.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
	}

	static boolean supplies(Map<String, String> environment, String setting) {
		if (setting.matches("[A-Z][A-Z0-9_]*")) {
			return environment.containsKey(setting);
		}
		return environment.containsKey(envName(setting))
				|| environment.containsKey(setting.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT));
	}

	static Set<String> healthGroups(String name) throws IOException {
		Map<String, Object> yaml = ServiceModules.applicationYaml(name);
		Set<String> groups = new TreeSet<>();
		// Boot's own liveness and readiness groups exist once probes are enabled.
		if (Boolean.TRUE.equals(yaml.get("management.endpoint.health.probes.enabled"))) {
			groups.addAll(List.of("liveness", "readiness"));
		}
		Pattern group = Pattern.compile("management\\.endpoint\\.health\\.group\\.([^.]+)\\..*");
		for (String key : yaml.keySet()) {
			Matcher matcher = group.matcher(key);
			if (matcher.matches()) {
				groups.add(matcher.group(1));
			}
		}
		return groups;
	}

}
