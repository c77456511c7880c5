package org.prolo.workflow.overdue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "overdue tasks", description = "Open tasks past their due date, per candidate group")
public class OverdueTasksController {

	static final String PATH = "/api/overdue-tasks";

	private final CountingOverdueTasks counting;

	public OverdueTasksController(CountingOverdueTasks counting) {
		this.counting = counting;
	}

	@GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "How many open tasks are past their due date: in all, and per working group "
			+ "(intake-coordinators, clinical-coordinators, clinicians; a task assigned to someone counts for its "
			+ "group too). Clinic leads only.")
	public OverdueTasks overdueTasks() {
		return counting.count();
	}

}
