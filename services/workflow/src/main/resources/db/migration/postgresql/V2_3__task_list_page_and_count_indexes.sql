-- Tasklist's page of a group's filter is Camunda's "select distinct RES.* ... order by RES.PRIORITY_ desc,
-- RES.DUE_DATE_ asc limit 15": PostgreSQL sorts by the order keys and then by every selected column in the select
-- list's order (REV_, ID_, NAME_, ...). With only (priority_, due_date_) in an index it had to read and sort every
-- task sharing the first priority and due date before the first row came out, and due dates are shared widely (a
-- task is due at 17:00 of its n-th working day, so a day's tasks of a stage share one): 20,002 tasks read for a page
-- of 15 at 100,000 open tasks (docs/benchmarks.md). With rev_ and id_ next in the index, each presorted group is one
-- task, and the page reads tasks in order until it has 15 of the group's (547 there).
drop index if exists prolo_idx_task_priority_due;
create index if not exists prolo_idx_task_list_order on act_ru_task (priority_ desc, due_date_ asc, rev_, id_);
-- A staff member's count: besides the process definition (their grant is on it), Camunda's authorization and tenant
-- checks read case_execution_id_ and tenant_id_ (a person without tenants sees tasks without one). With those in the
-- index too, the count reads tasks index-only and merge-joins them with the group's candidate links, as the
-- administrator's unchecked count does, instead of hashing every task row.
drop index if exists prolo_idx_task_id_procdef;
create index if not exists prolo_idx_task_list_access on act_ru_task (id_) include (proc_def_id_, tenant_id_,
  case_execution_id_);
