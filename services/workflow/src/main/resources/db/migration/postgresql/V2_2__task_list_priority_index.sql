-- The staff groups' Tasklist filters list urgent tasks first, then by due date (task priority desc, due date asc):
-- with the tasks in that order in an index, the first page reads tasks in order and stops after a page of the
-- group's, as the created-desc list does on Camunda's act_idx_task_create, instead of sorting every open task.
create index if not exists prolo_idx_task_priority_due on act_ru_task (priority_ desc, due_date_ asc);
