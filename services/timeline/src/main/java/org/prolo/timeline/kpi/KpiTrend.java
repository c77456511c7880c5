package org.prolo.timeline.kpi;

import java.util.List;
import java.util.Map;

/**
 * What a clinic lead's overview shows: where the open referrals are, and how long the
 * stages took week by week.
 *
 * @param openByStatus open referrals per current status, every open status present
 * @param weeks oldest first, the current week last
 */
public record KpiTrend(Map<String, Long> openByStatus, List<WeekFigures> weeks) {
}
