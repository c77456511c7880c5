package org.prolo.timeline.listener;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.prolo.platform.events.OncePerEvent;
import org.prolo.timeline.store.TimelineRecorder;

import org.springframework.stereotype.Component;

/** Records a consumed event's timeline entry on its first delivery only. */
@Component
class Recording {

	private final OncePerEvent once;

	private final TimelineRecorder recorder;

	Recording(OncePerEvent once, TimelineRecorder recorder) {
		this.once = once;
		this.recorder = recorder;
	}

	void record(Map<String, Object> headers, SpecificRecord event, Entries.Draft draft) {
		once.run(headers, event, attributes -> recorder.record(draft.entry(attributes, headers)));
	}

}
