package org.prolo.timeline.kpi;

import java.util.List;
import java.util.Map;

/**
 * @param referrals referrals with at least one event
 * @param open referrals not closed yet
 * @param outcomes closed referrals per closing status
 */
public record KpiReport(List<StageFigures> stages, Map<String, Long> outcomes, long referrals, long open) {
}
