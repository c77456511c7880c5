package org.prolo.workflow.overdue;

import java.time.Instant;
import java.util.Map;

/**
 * @param asOf the moment the due dates were compared with
 * @param total open tasks past their due date, each counted once
 * @param byCandidateGroup per working group, those of its tasks (assigned or not) that
 * are past their due date; every group present, also with none
 */
public record OverdueTasks(Instant asOf, long total, Map<String, Long> byCandidateGroup) {
}
