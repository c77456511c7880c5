package org.prolo.platform.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param source CloudEvents source of this service's events, for example
 * {@code /prolo/intake}
 * @param ownedTopics topics this service produces to and therefore declares
 * @param consumedTopics topics this service reads; their dead-letter topics are declared
 * here
 * @param partitions partitions of every declared topic; the referral id spreads across
 * them
 * @param replicationFactor copies of each partition of a declared topic: 1 for the
 * embedded broker (the launcher and the demo profile), 3 in production; unset, the
 * broker's {@code default.replication.factor}
 * @param minInsyncReplicas copies that must have a record before its send counts
 * (producers wait for all in-sync ones, acks=all): 1 for the embedded broker, 2 in
 * production, so one broker may be away without losing an acknowledged event; unset, the
 * broker's {@code min.insync.replicas}
 * @param retries how often a failing record is retried before it goes to its dead-letter
 * topic
 * @param retryBackoff the first back-off between retries; it doubles each time
 */
@ConfigurationProperties("prolo.events")
public record EventsProperties(String source, List<String> ownedTopics, List<String> consumedTopics, Integer partitions,
		Short replicationFactor, Integer minInsyncReplicas, Integer retries, Duration retryBackoff) {

	public EventsProperties {
		ownedTopics = (ownedTopics != null) ? ownedTopics : new ArrayList<>();
		consumedTopics = (consumedTopics != null) ? consumedTopics : new ArrayList<>();
		partitions = (partitions != null) ? partitions : 3;
		retries = (retries != null) ? retries : 4;
		retryBackoff = (retryBackoff != null) ? retryBackoff : Duration.ofMillis(200);
	}

}
