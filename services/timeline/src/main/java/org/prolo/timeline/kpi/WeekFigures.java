package org.prolo.timeline.kpi;

import java.time.LocalDate;
import java.util.List;

/**
 * The stages completed in one week (Monday to Sunday, UTC), each with its count, median
 * and 90th percentile in hours.
 */
public record WeekFigures(LocalDate weekStarting, List<StageFigures> stages) {
}
