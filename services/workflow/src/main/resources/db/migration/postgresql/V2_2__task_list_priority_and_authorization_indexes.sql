-- The staff groups' Tasklist filters list urgent tasks first, then by due date (task priority desc, due date asc):
-- with the tasks in that order in an index, the first page reads tasks in order and stops after a page of the
-- group's, as the created-desc list does on Camunda's act_idx_task_create, instead of sorting every open task.
create index if not exists prolo_idx_task_priority_due on act_ru_task (priority_ desc, due_date_ asc);
-- A person's task query joins the process definition (the staff groups' grant is on it): with each task's process
-- definition beside its id in an index, the count reads tasks index-only and merge-joins them with the group's
-- candidate links, as an administrator's count does, instead of reading every task row.
create index if not exists prolo_idx_task_id_procdef on act_ru_task (id_, proc_def_id_);
