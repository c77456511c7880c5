package org.prolo.timeline.store;

import org.prolo.timeline.kpi.KpiReport;
import org.prolo.timeline.kpi.MeasuringStages;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class KpiReporter {

	private final TimelineStore store;

	public KpiReporter(TimelineStore store) {
		this.store = store;
	}

	@Transactional(readOnly = true)
	public KpiReport report() {
		return MeasuringStages.measure(store.allTimelines());
	}

}
