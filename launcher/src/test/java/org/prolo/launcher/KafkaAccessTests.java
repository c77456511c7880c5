package org.prolo.launcher;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.prolo.platform.events.EventTopics;
import org.prolo.platform.events.KafkaAccess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the table of Kafka rights ({@link KafkaAccess}) equal to the code: each row is a
 * service on the broker, producing exactly the topics its application.yml declares as
 * owned, reading exactly those its listeners read, in the groups its listeners join; the
 * demo profile brings the demo password the launcher's broker creates; and
 * docs/kafka-security.md shows the same table.
 */
class KafkaAccessTests {

	static final Path ROOT = ComposeFileTests.ROOT;

	/** {@code @KafkaListener(topics = EventTopics.X, groupId = "g")}. */
	static final Pattern LISTENER = Pattern
		.compile("@KafkaListener\\(\\s*topics\\s*=\\s*EventTopics\\.(\\w+)\\s*,\\s*groupId\\s*=\\s*\"([^\"]+)\"");

	@BeforeAll
	static void readCompose() throws IOException {
		ComposeFileTests.readCompose();
	}

	static List<String> brokerServices() throws IOException {
		return ComposeFileTests.brokerServices();
	}

	@Test
	void hasARowForEveryServiceOnTheBrokerAndNoOther() throws IOException {
		assertThat(KafkaAccess.SERVICES).extracting(KafkaAccess::principal)
			.containsExactlyInAnyOrderElementsOf(brokerServices());
	}

	@ParameterizedTest
	@MethodSource("brokerServices")
	void eachRowMatchesTheServicesConfigurationAndListeners(String name) throws Exception {
		KafkaAccess row = KafkaAccess.of(name).orElseThrow();
		Map<String, Object> yaml = ComposeFileTests.applicationYaml(name);
		Map<String, List<String>> listeners = listeners(name);

		assertThat(yaml).containsEntry("spring.application.name", name);
		assertThat(ComposeFileTests.strings(yaml.get("prolo.events.owned-topics"))).as("owned topics")
			.containsExactlyInAnyOrderElementsOf(row.produces());
		assertThat(ComposeFileTests.strings(yaml.get("prolo.events.consumed-topics"))).as("consumed topics")
			.containsExactlyInAnyOrderElementsOf(row.consumes());
		assertThat(listeners.keySet()).as("topics the listeners read")
			.containsExactlyInAnyOrderElementsOf(row.consumes());
		assertThat(listeners.values().stream().flatMap(List::stream).distinct()).as("consumer groups")
			.containsExactlyInAnyOrderElementsOf(row.groups());
	}

	@ParameterizedTest
	@MethodSource("brokerServices")
	void theDemoProfileBringsThePasswordTheDemoBrokerCreates(String name) throws IOException {
		Path demo = ROOT.resolve("services").resolve(name).resolve("src/main/resources/application-demo.yml");
		Map<String, Object> flat = ComposeFileTests.yamlOf(demo);

		assertThat(flat).containsEntry("prolo.kafka.password", KafkaAccess.demoPassword(name));
		assertThat(KafkaAccess.demoUsers()).containsEntry(name, KafkaAccess.demoPassword(name));
		assertThat(
				Files.readString(ROOT.resolve("services").resolve(name).resolve("src/main/resources/application.yml")))
			.doesNotContain(KafkaAccess.demoPassword(name));
	}

	@Test
	void noServiceMayWriteAnotherServicesTopic() {
		for (KafkaAccess row : KafkaAccess.SERVICES) {
			List<String> othersTopics = KafkaAccess.SERVICES.stream()
				.filter(other -> !other.equals(row))
				.flatMap(other -> other.produces().stream())
				.toList();
			assertThat(row.aclBindings()).as(row.principal())
				.noneMatch(binding -> binding.entry().operation() == org.apache.kafka.common.acl.AclOperation.WRITE
						&& othersTopics.contains(binding.pattern().name()));
		}
	}

	@Test
	void theDocumentShowsTheTable() throws IOException {
		String doc = Files.readString(ROOT.resolve("docs/kafka-security.md"));

		for (KafkaAccess row : KafkaAccess.SERVICES) {
			assertThat(doc).as(row.principal())
				.contains("| `" + row.principal() + "` | " + cell(row.produces()) + " | " + cell(row.consumes()) + " | "
						+ cell(row.groups()) + " |");
		}
	}

	/**
	 * ops/kafka/acls.txt, which docker-compose's broker applies, grants exactly the
	 * table.
	 */
	@Test
	void theComposeBrokerGrantsExactlyTheTable() throws IOException {
		List<AclBinding> granted = new ArrayList<>();
		for (String line : Files.readAllLines(ROOT.resolve("ops/kafka/acls.txt"))) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] fields = line.trim().split("\\s+");
			ResourceType type = fields[2].equals("topic") ? ResourceType.TOPIC : ResourceType.GROUP;
			for (String operation : fields[1].split(",")) {
				granted.add(new AclBinding(new ResourcePattern(type, fields[3], PatternType.LITERAL),
						new AccessControlEntry("User:" + fields[0], "*", AclOperation.fromString(operation),
								AclPermissionType.ALLOW)));
			}
		}

		assertThat(granted).containsExactlyInAnyOrderElementsOf(KafkaAccess.allAclBindings());
	}

	/**
	 * Each service signs in with its own password from .env; the broker creates the user
	 * with the same.
	 */
	@ParameterizedTest
	@MethodSource("brokerServices")
	void composeGivesEachServiceItsOwnKafkaPassword(String name) {
		String variable = name.toUpperCase(java.util.Locale.ROOT) + "_KAFKA_PASSWORD";
		String required = "${" + variable + ":?set " + variable + " in .env (see .env.example)}";

		assertThat(environment(name)).containsEntry("PROLO_KAFKA_PASSWORD", required)
			.containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
		assertThat(environment("kafka")).containsEntry(variable, required);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> environment(String name) {
		Map<String, Object> services = (Map<String, Object>) ComposeFileTests.compose.get("services");
		return (Map<String, Object>) ((Map<String, Object>) services.get(name)).get("environment");
	}

	static String cell(List<String> values) {
		return values.isEmpty() ? "–" : String.join(", ", values.stream().map(value -> "`" + value + "`").toList());
	}

	/** Topic to the groups that read it, from the service's listener sources. */
	private static Map<String, List<String>> listeners(String name) throws IOException, ReflectiveOperationException {
		Map<String, List<String>> byTopic = new LinkedHashMap<>();
		try (Stream<Path> files = Files.walk(ROOT.resolve("services").resolve(name).resolve("src/main/java"))) {
			for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
				String source = Files.readString(file);
				assertThat(source.contains("@KafkaListener(") && !LISTENER.matcher(source).find()).as(file
						+ ": a @KafkaListener this test cannot read (name the topic by EventTopics and the groupId)")
					.isFalse();
				Matcher listener = LISTENER.matcher(source);
				while (listener.find()) {
					Field constant = EventTopics.class.getField(listener.group(1));
					byTopic.computeIfAbsent((String) constant.get(null), topic -> new ArrayList<>())
						.add(listener.group(2));
				}
			}
		}
		return byTopic;
	}

}
