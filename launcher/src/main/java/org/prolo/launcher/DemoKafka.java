package org.prolo.launcher;

import java.nio.file.Path;

import org.prolo.platform.broker.KraftBroker;
import org.prolo.platform.events.KafkaAccess;

/**
 * The local demo's broker: the in-process broker with every service's SCRAM user (the
 * demo passwords, which the services' demo profile brings) and the ACLs of
 * {@link KafkaAccess}, so the demo enforces the same rights as a deployment.
 */
final class DemoKafka {

	private DemoKafka() {
	}

	/**
	 * Starts the broker on this port and data directory and grants the services' users
	 * and ACLs before any service starts.
	 */
	static KraftBroker start(Path dataDir, int port) {
		KraftBroker broker = KraftBroker.start(dataDir, port);
		try {
			broker.grant(KafkaAccess.demoUsers(), KafkaAccess.allAclBindings());
		}
		catch (RuntimeException e) {
			broker.close();
			throw e;
		}
		return broker;
	}

}
