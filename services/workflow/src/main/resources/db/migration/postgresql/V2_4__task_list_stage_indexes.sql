-- A staff group's Tasklist filter lists the tasks at its stages (taskDefinitionKeyIn, org.prolo.workflow.tasklist),
-- not the tasks joined with its candidate links, and a member's filter query is not checked task by task (every task
-- it finds is theirs). Its page is "select distinct RES.* ... where RES.TASK_DEF_KEY_ in (...) order by RES.PRIORITY_
-- desc, RES.DUE_DATE_ asc limit 15": with a group's one stage first in an index and the order after it, the page
-- reads the 15 tasks it shows instead of every task of other groups that sorts ahead (a group with several stages
-- reads V2_3's order index and keeps those of its stages).
create index if not exists prolo_idx_task_stage_order on act_ru_task (task_def_key_, priority_ desc, due_date_ asc,
  rev_, id_);
-- Its count is "select count(*) from (select distinct RES.ID_ ... where RES.TASK_DEF_KEY_ in (...) and RES.TENANT_ID_
-- is null)", and Tasklist's own list request adds "and RES.SUSPENSION_STATE_ = 1" (active tasks only): with a stage's
-- task ids in order and both columns beside them, it reads them index-only and counts them without hashing, instead
-- of merge-joining every open task with the group's candidate links.
create index if not exists prolo_idx_task_stage_count on act_ru_task (task_def_key_, id_) include (tenant_id_,
  suspension_state_);
