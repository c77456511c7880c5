package org.prolo.workflow.inbound;

import java.util.HashMap;
import java.util.Map;

import org.prolo.events.ImagingReported;
import org.prolo.platform.events.EventTopics;
import org.prolo.platform.events.OncePerEvent;
import org.prolo.workflow.messaging.CorrelatingMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Headers;
import org.springframework.stereotype.Component;

/**
 * Imaging reports; their findings become the imaging inputs of the suitability decision
 * table.
 */
@Component
@KafkaListener(topics = EventTopics.IMAGING, groupId = "workflow")
public class ImagingEventsListener {

	private static final Logger log = LoggerFactory.getLogger(ImagingEventsListener.class);

	private final CorrelatingMessages correlating;

	private final OncePerEvent once;

	public ImagingEventsListener(CorrelatingMessages correlating, OncePerEvent once) {
		this.correlating = correlating;
		this.once = once;
	}

	@KafkaHandler
	public void reported(ImagingReported event, @Headers Map<String, Object> headers) {
		Map<String, Object> findings = new HashMap<>();
		findings.put("imagingRedFlag", event.getRedFlag());
		findings.put("imagingRedFlagKind", event.getRedFlagKind());
		findings.put("fullThicknessTear", event.getFullThicknessTear());
		findings.put("osteoarthritisGrade", event.getOsteoarthritisGrade());
		findings.put("imagingOrderId", event.getOrderId());
		findings.put("imagingReport", event.getReport());
		once.run(headers, event, e -> correlating.imagingReported(e.id(), event.getReferralId(), findings));
	}

	@KafkaHandler(isDefault = true)
	public void ignore(Object event) {
		log.debug("Ignoring {} on {}", event.getClass().getSimpleName(), EventTopics.IMAGING);
	}

}
