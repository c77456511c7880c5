package org.prolo.timeline.store;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.prolo.timeline.kpi.KpiReport;
import org.prolo.timeline.kpi.KpiTrend;
import org.prolo.timeline.kpi.MeasuringTrends;
import org.prolo.timeline.kpi.MeasuringStages;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class KpiReporter {

	private final TimelineStore store;

	private final Clock clock;

	public KpiReporter(TimelineStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/** Open referrals by status, and stage durations week by week up to this one. */
	@Transactional(readOnly = true)
	public KpiTrend trend(int weeks) {
		return MeasuringTrends.measure(store.allTimelines(), weeks,
				LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
	}

	@Transactional(readOnly = true)
	public KpiReport report() {
		return MeasuringStages.measure(store.allTimelines());
	}

}
