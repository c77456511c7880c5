package org.prolo.portal.figures;

import java.time.Instant;
import java.util.Map;

/**
 * Workflow's {@code GET /api/overdue-tasks}: open tasks past their due date.
 *
 * @param byCandidateGroup per working group, every group present
 */
public record OverdueTasks(Instant asOf, long total, Map<String, Long> byCandidateGroup) {

	public OverdueTasks {
		byCandidateGroup = (byCandidateGroup != null) ? byCandidateGroup : Map.of();
	}

}
