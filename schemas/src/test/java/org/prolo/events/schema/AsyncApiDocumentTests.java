package org.prolo.events.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps schemas/asyncapi.yaml true to the code: the topics come from each service's
 * application.yml ({@code prolo.events.owned-topics} and {@code consumed-topics}, the
 * same lists that declare the topics at start-up) rather than from EventTopics, which
 * lives in platform/events and depends on this module; the events are the folders under
 * events/.
 */
class AsyncApiDocumentTests {

	private static final Path DOCUMENT = Path.of("asyncapi.yaml");

	private static final Path EVENTS = Path.of("events");

	private static final Path SERVICES = Path.of("../services");

	private static final String AVRO_FORMAT = "application/vnd.apache.avro;version=1.9.0";

	private static final String DLT = ".DLT";

	private static final List<String> CLOUD_EVENT_HEADERS = List.of("ce_specversion", "ce_id", "ce_source", "ce_type",
			"ce_time", "ce_subject", "ce_referralid", "content-type");

	private static final List<String> DEAD_LETTER_HEADERS = List.of("kafka_dlt-original-topic",
			"kafka_dlt-original-partition", "kafka_dlt-original-offset", "kafka_dlt-exception-fqcn",
			"kafka_dlt-exception-message", "dlt-reason");

	/** How every avsc's doc names its producer and topic. */
	private static final Pattern PRODUCED_BY = Pattern.compile("Produced by (\\w+) on ([a-z][\\w-]*\\.[\\w-]+)");

	private static Map<String, Object> document;

	private static List<Service> services;

	record Service(String name, Set<String> owned, Set<String> consumed) {
	}

	record Operation(String id, String action, String channelId, String service, Map<String, Object> body) {
	}

	@BeforeAll
	static void load() throws IOException {
		try (Reader reader = Files.newBufferedReader(DOCUMENT)) {
			document = new Yaml().load(reader);
		}
		services = readServices();
		assertThat(services).as("services found under %s", SERVICES.toAbsolutePath().normalize()).isNotEmpty();
	}

	@Test
	void isAnAsyncApi3Document() {
		assertThat(document.get("asyncapi")).isEqualTo("3.0.0");
		Map<String, Object> info = map(document, "info");
		assertThat(text(info, "title")).isNotBlank();
		assertThat(text(info, "version")).isNotBlank();
		assertThat(channels()).isNotEmpty().allSatisfy((id, channel) -> {
			assertThat(text(channel, "address")).as("address of channel %s", id).isNotBlank();
			assertThat(map(channel, "messages")).as("messages of channel %s", id)
				.isNotEmpty()
				.allSatisfy((name, message) -> assertThat(resolve(message)).as("message %s of channel %s", name, id)
					.isNotNull()
					.isSameAs(messages().get(name)));
		});
		assertThat(operations()).isNotEmpty().allSatisfy(operation -> {
			assertThat(operation.action()).as("action of %s", operation.id()).isIn("send", "receive");
			assertThat(channels()).as("channel $ref of %s", operation.id()).containsKey(operation.channelId());
			assertThat(operation.service()).as("service tag of %s", operation.id()).isNotBlank();
		});
		assertThat(messages()).isNotEmpty().allSatisfy((name, message) -> {
			Map<String, Object> payload = map(message, "payload");
			assertThat(text(payload, "schemaFormat")).as("payload schemaFormat of %s", name).isNotBlank();
			assertThat(payload.get("schema")).as("payload schema of %s", name).isInstanceOf(Map.class);
		});
	}

	@Test
	void describesEveryTopicTheServicesOwnAndNoOther() {
		Set<String> owned = services.stream()
			.flatMap(service -> service.owned().stream())
			.collect(Collectors.toCollection(TreeSet::new));
		Set<String> consumed = services.stream()
			.flatMap(service -> service.consumed().stream())
			.collect(Collectors.toCollection(TreeSet::new));

		assertThat(owned).as("owned topics").isNotEmpty();
		assertThat(owned).as("topics consumed by some service but owned by none").containsAll(consumed);
		assertThat(topicAddresses()).as("topic channels of the document against the services' owned-topics")
			.containsExactlyInAnyOrderElementsOf(owned);
		assertThat(deadLetterAddresses()).as("dead-letter channels of the document")
			.containsExactlyInAnyOrderElementsOf(owned.stream().map(topic -> topic + DLT).toList());
	}

	@Test
	void namesTheOwningServiceAsTheOnlyProducerOfEachTopic() {
		for (String topic : topicAddresses()) {
			List<String> owners = services.stream()
				.filter(service -> service.owned().contains(topic))
				.map(Service::name)
				.toList();
			assertThat(owners).as("services that own %s", topic).hasSize(1);
			assertThat(servicesOf(topic, "send")).as("senders on %s", topic).containsExactlyElementsOf(owners);
		}
	}

	@Test
	void namesEveryConsumingServiceAsAReceiverOfEachTopic() {
		for (String topic : topicAddresses()) {
			assertThat(servicesOf(topic, "receive")).as("receivers of %s against the services' consumed-topics", topic)
				.containsExactlyInAnyOrderElementsOf(consumersOf(topic));
		}
		for (Operation operation : operations()) {
			if (operation.action().equals("receive") && !address(operation).endsWith(DLT)) {
				Object groupId = path(operation.body(), "bindings", "kafka", "groupId", "enum");
				assertThat(groupId).as("Kafka consumer group of %s", operation.id())
					.isEqualTo(List.of(operation.service()));
			}
		}
	}

	@Test
	void describesTheDeadLetterTopicOfEveryTopicWithTheConsumersThatParkAndReadIt() {
		for (String topic : topicAddresses()) {
			String deadLetters = topic + DLT;
			assertThat(servicesOf(deadLetters, "send")).as("services that park records of %s", topic)
				.containsExactlyInAnyOrderElementsOf(consumersOf(topic));
			assertThat(servicesOf(deadLetters, "receive")).as("services that list and replay %s", deadLetters)
				.containsExactlyInAnyOrderElementsOf(consumersOf(topic));
			channelAt(deadLetters).values().forEach(channel -> map(channel, "messages").forEach((name, ref) -> {
				Map<String, Object> headers = headersOf(resolve(ref));
				assertThat(list(headers, "required")).as("required headers of %s on %s", name, deadLetters)
					.containsAll(DEAD_LETTER_HEADERS);
				assertThat(map(headers, "properties")).as("headers of %s on %s", name, deadLetters)
					.containsKeys(DEAD_LETTER_HEADERS.toArray(String[]::new));
			}));
		}
	}

	@Test
	void describesEveryEventOnTheTopicOfItsProducerAndNoOther() throws IOException {
		Set<String> events = eventFolders();
		assertThat(events).isNotEmpty();
		assertThat(avroMessages()).as("Avro messages of the document against the folders under events/")
			.containsExactlyInAnyOrderElementsOf(events);

		for (String event : events) {
			List<String> topics = channels().values()
				.stream()
				.filter(channel -> map(channel, "messages").values()
					.stream()
					.anyMatch(ref -> resolve(ref) == messages().get(event)))
				.map(channel -> text(channel, "address"))
				.toList();
			assertThat(topics).as("topics carrying %s", event).hasSize(1);
			Schema schema = latestSchema(event);
			Matcher producedBy = PRODUCED_BY.matcher(String.valueOf(schema.getDoc()));
			assertThat(producedBy.find()).as("doc of %s names its producer and topic: %s", event, schema.getDoc())
				.isTrue();
			assertThat(topics).as("topic of %s, as its schema's doc says", event).containsExactly(producedBy.group(2));
			assertThat(servicesOf(topics.get(0), "send")).as("producer of %s, as its schema's doc says", event)
				.containsExactly(producedBy.group(1));
		}
	}

	@Test
	void refersToTheLatestSchemaVersionOfEachEvent() throws IOException {
		Map<String, SchemaHistory.Version> latest = SchemaHistory.check(EVENTS)
			.latest()
			.stream()
			.collect(Collectors.toMap(SchemaHistory.Version::event, version -> version));
		for (String event : avroMessages()) {
			String ref = schemaRef(event);
			Path file = DOCUMENT.resolveSibling(ref).normalize();
			assertThat(ref).as("$ref of %s is relative to the document", event)
				.doesNotStartWith("/")
				.doesNotContain(":");
			assertThat(file).as("$ref %s of %s", ref, event).isRegularFile();
			assertThat(latest).as("published versions").containsKey(event);
			assertThat(file).as("$ref of %s", event).isEqualTo(latest.get(event).file().normalize());
			assertThat(new Schema.Parser().parse(file.toFile()).getFullName()).as("record in %s", file)
				.isEqualTo("org.prolo.events." + event);
		}
	}

	@Test
	void givesEveryEventTheCloudEventsHeadersAndTheReferralIdAsKey() {
		for (String event : avroMessages()) {
			Map<String, Object> message = messages().get(event);
			Map<String, Object> headers = headersOf(message);
			assertThat(list(headers, "required")).as("required headers of %s", event).containsAll(CLOUD_EVENT_HEADERS);
			assertThat(path(headers, "properties", "content-type", "const")).isEqualTo("application/avro");
			assertThat(merged(message, "bindings", "kafka", "key")).as("Kafka key of %s", event).isNotNull();
			assertThat(merged(message, "correlationId", "location")).as("correlation id of %s", event)
				.isEqualTo("$message.header#/ce_referralid");
		}
	}

	@Test
	void isServedFromTheJarBesideTheSchemasItRefersTo() throws IOException {
		URL served = getClass().getResource("/META-INF/resources/asyncapi.yaml");
		assertThat(served).as("classpath:/META-INF/resources/asyncapi.yaml").isNotNull();
		try (InputStream in = served.openStream()) {
			assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(DOCUMENT));
		}
		for (String event : avroMessages()) {
			String ref = schemaRef(event);
			assertThat(getClass().getResource("/META-INF/resources/" + ref)).as("served %s", ref).isNotNull();
			// The codec's schema store reads the same files from their own place.
			assertThat(getClass().getResource("/org/prolo/events/schemas/" + ref.substring("events/".length())))
				.as("codec copy of %s", ref)
				.isNotNull();
		}
	}

	private static List<Service> readServices() throws IOException {
		List<Service> found = new ArrayList<>();
		try (Stream<Path> dirs = Files.list(SERVICES)) {
			for (Path dir : dirs.sorted().toList()) {
				Path yml = dir.resolve("src/main/resources/application.yml");
				if (Files.isRegularFile(yml)) {
					Map<String, Object> properties = flatProperties(yml);
					String name = String
						.valueOf(properties.getOrDefault("spring.application.name", dir.getFileName().toString()));
					found.add(new Service(name, topics(properties.get("prolo.events.owned-topics")),
							topics(properties.get("prolo.events.consumed-topics"))));
				}
			}
		}
		return found;
	}

	/** The default-profile properties of an application.yml, with dotted keys. */
	private static Map<String, Object> flatProperties(Path yml) throws IOException {
		Map<String, Object> properties = new LinkedHashMap<>();
		try (Reader reader = Files.newBufferedReader(yml)) {
			for (Object part : new Yaml().loadAll(reader)) {
				Map<String, Object> flat = new LinkedHashMap<>();
				flatten("", part, flat);
				if (!flat.containsKey("spring.config.activate.on-profile")) {
					properties.putAll(flat);
				}
			}
		}
		return properties;
	}

	private static void flatten(String prefix, Object value, Map<String, Object> into) {
		if (value instanceof Map<?, ?> map) {
			map.forEach(
					(key, child) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, child, into));
		}
		else if (value != null) {
			into.put(prefix, value);
		}
	}

	/** A YAML list or Spring's comma-separated string. */
	private static Set<String> topics(Object value) {
		Stream<String> items = (value instanceof List<?> list) ? list.stream().map(String::valueOf)
				: (value != null) ? Arrays.stream(String.valueOf(value).split(",")) : Stream.empty();
		return items.map(String::trim).filter(item -> !item.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
	}

	private static Set<String> eventFolders() throws IOException {
		try (Stream<Path> dirs = Files.list(EVENTS)) {
			return dirs.filter(Files::isDirectory)
				.map(dir -> dir.getFileName().toString())
				.collect(Collectors.toCollection(TreeSet::new));
		}
	}

	private static Schema latestSchema(String event) {
		return SchemaHistory.check(EVENTS)
			.latest()
			.stream()
			.filter(version -> version.event().equals(event))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no published version of " + event))
			.schema();
	}

	private static List<String> consumersOf(String topic) {
		return services.stream().filter(service -> service.consumed().contains(topic)).map(Service::name).toList();
	}

	private static Set<String> topicAddresses() {
		return addresses().stream().filter(address -> !address.endsWith(DLT)).collect(Collectors.toSet());
	}

	private static Set<String> deadLetterAddresses() {
		return addresses().stream().filter(address -> address.endsWith(DLT)).collect(Collectors.toSet());
	}

	private static List<String> addresses() {
		return channels().values().stream().map(channel -> text(channel, "address")).toList();
	}

	private static Map<String, Map<String, Object>> channelAt(String address) {
		Map<String, Map<String, Object>> found = new LinkedHashMap<>();
		channels().forEach((id, channel) -> {
			if (address.equals(text(channel, "address"))) {
				found.put(id, channel);
			}
		});
		assertThat(found).as("channels with address %s", address).hasSize(1);
		return found;
	}

	private static List<String> servicesOf(String address, String action) {
		String channelId = channelAt(address).keySet().iterator().next();
		return operations().stream()
			.filter(operation -> operation.action().equals(action) && operation.channelId().equals(channelId))
			.map(Operation::service)
			.toList();
	}

	private static String address(Operation operation) {
		return text(channels().get(operation.channelId()), "address");
	}

	/** The messages whose payload is an Avro schema: the events. */
	private static Set<String> avroMessages() {
		return messages().entrySet()
			.stream()
			.filter(entry -> AVRO_FORMAT.equals(path(entry.getValue(), "payload", "schemaFormat")))
			.map(Map.Entry::getKey)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private static String schemaRef(String event) {
		Object ref = path(messages().get(event), "payload", "schema", "$ref");
		assertThat(ref).as("payload schema $ref of %s", event).isInstanceOf(String.class);
		return (String) ref;
	}

	private static Map<String, Map<String, Object>> channels() {
		return maps(map(document, "channels"));
	}

	private static Map<String, Map<String, Object>> messages() {
		return maps(map(map(document, "components"), "messages"));
	}

	private static List<Operation> operations() {
		List<Operation> operations = new ArrayList<>();
		maps(map(document, "operations")).forEach((id, body) -> {
			String channelRef = String.valueOf(path(body, "channel", "$ref"));
			String channelId = channelRef.startsWith("#/channels/") ? channelRef.substring("#/channels/".length())
					: null;
			List<Object> tags = list(body, "tags");
			String service = (tags.size() == 1) ? text(asMap(resolveIfRef(tags.get(0))), "name") : null;
			operations.add(new Operation(id, text(body, "action"), channelId, service, body));
		});
		return operations;
	}

	/** The message's headers schema with those of its traits merged in. */
	private static Map<String, Object> headersOf(Map<String, Object> message) {
		Set<Object> required = new TreeSet<>();
		Map<String, Object> properties = new LinkedHashMap<>();
		for (Map<String, Object> part : withTraits(message)) {
			Object headers = resolveIfRef(part.get("headers"));
			if (headers instanceof Map<?, ?>) {
				required.addAll(list(asMap(headers), "required"));
				properties.putAll(map(asMap(headers), "properties"));
			}
		}
		return Map.of("required", new ArrayList<>(required), "properties", properties);
	}

	/** The value at this path in the message or, failing that, in one of its traits. */
	private static Object merged(Map<String, Object> message, String... keys) {
		return withTraits(message).stream()
			.map(part -> path(part, keys))
			.filter(value -> value != null)
			.findFirst()
			.orElse(null);
	}

	private static List<Map<String, Object>> withTraits(Map<String, Object> message) {
		List<Map<String, Object>> parts = new ArrayList<>();
		parts.add(message);
		for (Object trait : list(message, "traits")) {
			Object resolved = resolveIfRef(trait);
			assertThat(resolved).as("trait %s", trait).isInstanceOf(Map.class);
			parts.add(asMap(resolved));
		}
		return parts;
	}

	private static Object resolveIfRef(Object value) {
		return (value instanceof Map<?, ?> map && map.containsKey("$ref")) ? resolve(value) : value;
	}

	/**
	 * Resolves a local {@code {$ref: '#/...'}} in the document; null when it points
	 * nowhere.
	 */
	private static Map<String, Object> resolve(Object reference) {
		Object ref = (reference instanceof Map<?, ?> map) ? map.get("$ref") : null;
		if (!(ref instanceof String pointer) || !pointer.startsWith("#/")) {
			return null;
		}
		Object node = document;
		for (String token : pointer.substring(2).split("/")) {
			String key = token.replace("~1", "/").replace("~0", "~");
			node = (node instanceof Map<?, ?> map) ? map.get(key) : null;
		}
		return (node instanceof Map<?, ?>) ? asMap(node) : null;
	}

	private static Object path(Map<String, Object> from, String... keys) {
		Object node = from;
		for (String key : keys) {
			node = (node instanceof Map<?, ?> map) ? map.get(key) : null;
		}
		return node;
	}

	private static Map<String, Object> map(Map<String, Object> from, String key) {
		Object value = (from != null) ? from.get(key) : null;
		return (value instanceof Map<?, ?>) ? asMap(value) : Map.of();
	}

	private static Map<String, Map<String, Object>> maps(Map<String, Object> from) {
		Map<String, Map<String, Object>> result = new LinkedHashMap<>();
		from.forEach((key, value) -> result.put(key, (value instanceof Map<?, ?>) ? asMap(value) : Map.of()));
		return result;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Map<String, Object> from, String key) {
		Object value = (from != null) ? from.get(key) : null;
		return (value instanceof List<?>) ? (List<Object>) value : List.of();
	}

	private static String text(Map<String, Object> from, String key) {
		Object value = (from != null) ? from.get(key) : null;
		return (value != null) ? String.valueOf(value) : null;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> asMap(Object value) {
		return (Map<String, Object>) value;
	}

}
