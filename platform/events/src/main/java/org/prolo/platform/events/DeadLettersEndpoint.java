package org.prolo.platform.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code GET /actuator/deadletters} lists the dead letters of every topic this service
 * consumes; {@code GET /actuator/deadletters/{topic}} those of one topic; {@code POST
 * /actuator/deadletters/{topic}} with {@code {"partition":0,"offset":12}} replays one
 * onto its original topic.
 */
@Endpoint(id = "deadletters")
public class DeadLettersEndpoint {

	private final DeadLetters deadLetters;

	private final List<String> consumedTopics;

	public DeadLettersEndpoint(DeadLetters deadLetters, List<String> consumedTopics) {
		this.deadLetters = deadLetters;
		this.consumedTopics = consumedTopics;
	}

	@ReadOperation
	public Map<String, List<DeadLetters.DeadLetter>> all() {
		Map<String, List<DeadLetters.DeadLetter>> byTopic = new LinkedHashMap<>();
		consumedTopics.forEach(topic -> byTopic.put(topic, deadLetters.list(topic)));
		return byTopic;
	}

	@ReadOperation
	public List<DeadLetters.DeadLetter> ofTopic(@Selector String topic) {
		requireConsumed(topic);
		return deadLetters.list(topic);
	}

	@WriteOperation
	public DeadLetters.DeadLetter replay(@Selector String topic, int partition, long offset) {
		requireConsumed(topic);
		return deadLetters.replay(topic, partition, offset);
	}

	private void requireConsumed(String topic) {
		if (!consumedTopics.contains(topic)) {
			throw new IllegalArgumentException(topic + " is not a topic this service consumes: " + consumedTopics);
		}
	}

}
