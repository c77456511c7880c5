package org.prolo.platform.events;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.listener.RecordInterceptor;

/**
 * One INFO line per record a listener handled, in the record's trace: event type, event
 * id, referral id (the key) and where it came from. Never the body, so never patient
 * data.
 */
class ConsumedEventLog implements RecordInterceptor<Object, Object> {

	private static final Logger log = LoggerFactory.getLogger(ConsumedEventLog.class);

	@Override
	public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
			Consumer<Object, Object> consumer) {
		return record;
	}

	@Override
	public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
		if (log.isInfoEnabled()) {
			log.info("Handled {} {} for referral {} from {}-{}@{}",
					CloudEventHeaders.text(record.headers(), CloudEventHeaders.TYPE),
					CloudEventHeaders.text(record.headers(), CloudEventHeaders.ID), record.key(), record.topic(),
					record.partition(), record.offset());
		}
	}

}
