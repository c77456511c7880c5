package org.prolo.platform.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what on the broker: one Kafka principal per service, the topics it produces,
 * the topics it consumes and its consumer groups. This table is the one source of the
 * ACLs (the in-process broker creates them from it, {@code docs/kafka-security.md} shows
 * it) and a test keeps it equal to each service's {@code prolo.events} settings and
 * listeners.
 *
 * <p>
 * From a row follow exactly these grants ({@link #aclBindings()}):
 * <ul>
 * <li>a produced topic: WRITE and CREATE (the producer declares it); its dead-letter
 * topic: CREATE and DESCRIBE only, it is declared there but written by the consumers</li>
 * <li>a consumed topic: READ; its dead-letter topic, which this consumer parks records
 * in, lists and declares: WRITE, READ and CREATE</li>
 * <li>a consumer group: READ</li>
 * <li>a service that inspects dead letters (workflow's referral inspection shows every
 * service's dead letters of a referral): READ on the dead-letter topic of every product
 * topic</li>
 * </ul>
 * Nothing else: no wildcard, no cluster-wide right, so a service cannot publish another
 * service's facts, for example a forged {@code ImagingReported}.
 *
 * @param principal the SASL user name ({@code User:<principal>})
 * @param produces topics this service writes its events to
 * @param consumes topics this service reads
 * @param groups consumer groups this service's listeners join
 * @param inspectsDeadLetters whether this service reads every service's dead letters
 */
public record KafkaAccess(String principal, List<String> produces, List<String> consumes, List<String> groups,
		boolean inspectsDeadLetters) {

	/** Every service that talks to the broker, in the order the lifecycle meets them. */
	public static final List<KafkaAccess> SERVICES = List.of(
			new KafkaAccess("intake", List.of(EventTopics.INTAKE),
					List.of(EventTopics.WORKFLOW, EventTopics.SCHEDULING), List.of("intake")),
			new KafkaAccess("workflow", List.of(EventTopics.WORKFLOW), List.of(EventTopics.INTAKE, EventTopics.IMAGING),
					List.of("workflow"), true),
			new KafkaAccess("imaging", List.of(EventTopics.IMAGING), List.of(EventTopics.WORKFLOW), List.of("imaging")),
			new KafkaAccess("scheduling", List.of(EventTopics.SCHEDULING),
					List.of(EventTopics.WORKFLOW, EventTopics.INTAKE), List.of("scheduling")),
			new KafkaAccess("notification", List.of(EventTopics.NOTIFICATION),
					List.of(EventTopics.INTAKE, EventTopics.WORKFLOW, EventTopics.SCHEDULING, EventTopics.IMAGING),
					List.of("notification")),
			new KafkaAccess("timeline", List.of(), List.of(EventTopics.INTAKE, EventTopics.WORKFLOW,
					EventTopics.IMAGING, EventTopics.SCHEDULING, EventTopics.NOTIFICATION), List.of("timeline")));

	/** The suffix of every demo password: {@code <principal>-kafka-demo-secret}. */
	static final String DEMO_PASSWORD_SUFFIX = "-kafka-demo-secret";

	/** The product's topics, one per producing service. */
	public static final List<String> PRODUCT_TOPICS = List.of(EventTopics.INTAKE, EventTopics.WORKFLOW,
			EventTopics.IMAGING, EventTopics.SCHEDULING, EventTopics.NOTIFICATION);

	public KafkaAccess {
		produces = List.copyOf(produces);
		consumes = List.copyOf(consumes);
		groups = List.copyOf(groups);
	}

	/** A row of a service that does not inspect others' dead letters. */
	public KafkaAccess(String principal, List<String> produces, List<String> consumes, List<String> groups) {
		this(principal, produces, consumes, groups, false);
	}

	/** The row of this principal, if it is one of the services. */
	public static Optional<KafkaAccess> of(String principal) {
		return SERVICES.stream().filter(access -> access.principal().equals(principal)).findFirst();
	}

	/**
	 * The password of a principal in the local demo (the demo profile and the launcher's
	 * broker); well known, so refused outside that profile.
	 */
	public static String demoPassword(String principal) {
		return principal + DEMO_PASSWORD_SUFFIX;
	}

	/** Whether this is one of the demo's well-known Kafka passwords. */
	public static boolean isDemoPassword(String password) {
		return password.endsWith(DEMO_PASSWORD_SUFFIX);
	}

	/** Every service principal with its demo password, for the local demo's broker. */
	public static Map<String, String> demoUsers() {
		Map<String, String> users = new LinkedHashMap<>();
		SERVICES.forEach(access -> users.put(access.principal(), demoPassword(access.principal())));
		return users;
	}

	/** The ACLs of every service. */
	public static List<AclBinding> allAclBindings() {
		return SERVICES.stream().flatMap(access -> access.aclBindings().stream()).distinct().toList();
	}

	/** The ACLs this row grants, and nothing else. */
	public List<AclBinding> aclBindings() {
		List<AclBinding> bindings = new ArrayList<>();
		for (String topic : produces) {
			allow(bindings, ResourceType.TOPIC, topic, AclOperation.WRITE, AclOperation.CREATE);
			allow(bindings, ResourceType.TOPIC, EventTopics.deadLetterOf(topic), AclOperation.CREATE,
					AclOperation.DESCRIBE);
		}
		for (String topic : consumes) {
			allow(bindings, ResourceType.TOPIC, topic, AclOperation.READ);
			allow(bindings, ResourceType.TOPIC, EventTopics.deadLetterOf(topic), AclOperation.WRITE, AclOperation.READ,
					AclOperation.CREATE);
		}
		for (String group : groups) {
			allow(bindings, ResourceType.GROUP, group, AclOperation.READ);
		}
		if (inspectsDeadLetters) {
			for (String topic : PRODUCT_TOPICS) {
				allow(bindings, ResourceType.TOPIC, EventTopics.deadLetterOf(topic), AclOperation.READ);
			}
		}
		return bindings.stream().distinct().toList();
	}

	private void allow(List<AclBinding> bindings, ResourceType type, String name, AclOperation... operations) {
		for (AclOperation operation : operations) {
			bindings.add(new AclBinding(new ResourcePattern(type, name, PatternType.LITERAL),
					new AccessControlEntry("User:" + principal, "*", operation, AclPermissionType.ALLOW)));
		}
	}

}
