package org.prolo.platform.testing;

import org.apache.kafka.clients.admin.NewTopic;
import org.prolo.platform.events.EventTopics;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The workflow's topic, for a test context that consumes it: the workflow owns and
 * declares it, and the broker does not create topics on demand.
 */
@TestConfiguration(proxyBeanMethods = false)
public class WorkflowTopic {

	@Bean
	NewTopic workflowReferralEvents() {
		return TopicBuilder.name(EventTopics.WORKFLOW).partitions(3).build();
	}

}
