package org.prolo.platform.testing;

import java.util.Arrays;
import java.util.stream.Stream;

import com.tngtech.archunit.lang.ArchRule;
import org.prolo.platform.events.EventPublisher;
import org.prolo.platform.events.OutboxRelay;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture rules every service states the same way in its ArchitectureTests, each
 * for its own packages: a plain-Java domain, adapters the domain does not know, one
 * package that publishes events, features free of cycles.
 */
public final class ServiceArchitecture {

	/** What no service's domain depends on. */
	private static final String[] FRAMEWORKS = { "org.springframework..", "org.apache.kafka..", "org.apache.avro..",
			"org.camunda..", "org.prolo.events..", "org.prolo.platform.." };

	/** Kafka, its Spring support and the Avro contracts. */
	public static final String[] KAFKA = { "org.apache.kafka..", "org.springframework.kafka..", "org.prolo.events.." };

	private ServiceArchitecture() {
	}

	/**
	 * The classes in {@code domain} depend on no framework, no wire format and none of
	 * {@code alsoNot}.
	 */
	public static ArchRule plainJava(String[] domain, String... alsoNot) {
		return noClasses().that()
			.resideInAnyPackage(domain)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(
					Stream.concat(Arrays.stream(FRAMEWORKS), Arrays.stream(alsoNot)).toArray(String[]::new));
	}

	/** The classes in {@code from} depend on none in {@code packages}. */
	public static ArchRule independent(String from, String... packages) {
		return noClasses().that().resideInAPackage(from).should().dependOnClassesThat().resideInAnyPackage(packages);
	}

	/** Only the classes in {@code publishing} may hand events to the broker. */
	public static ArchRule onlyPublisher(String publishing) {
		return noClasses().that()
			.resideOutsideOfPackage(publishing)
			.should()
			.dependOnClassesThat()
			.areAssignableTo(EventPublisher.class)
			.orShould()
			.dependOnClassesThat()
			.areAssignableTo(OutboxRelay.class);
	}

	/**
	 * The features, the packages right below {@code service}, depend on each other in no
	 * cycle.
	 */
	public static ArchRule featuresFreeOfCycles(String service) {
		return slices().matching(service + ".(*)..").should().beFreeOfCycles();
	}

}
