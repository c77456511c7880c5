-- The SQL Camunda 7.24 runs on PostgreSQL for the staff groups' Tasklist filters, from its MyBatis log (`tasklist
-- --show-sql`), parameters filled in. EXPLAIN (ANALYZE, BUFFERS) of each is printed by `tasklist --analyze`.
--
-- Since V2_4 (StaffTaskLists): a group's filter is the tasks at its stages (taskDefinitionKeyIn), and a member's
-- query of their own stages is the administrator's query plus the tenant check (StaffTaskScope checks once that
-- every task it can find is theirs, instead of the engine checking each task).

-- ingrid (intake-coordinators): the first page of "Intake: triage"
select distinct RES.REV_, RES.ID_, RES.NAME_, RES.PARENT_TASK_ID_, RES.DESCRIPTION_, RES.PRIORITY_, RES.CREATE_TIME_,
  RES.OWNER_, RES.ASSIGNEE_, RES.DELEGATION_, RES.EXECUTION_ID_, RES.PROC_INST_ID_, RES.PROC_DEF_ID_,
  RES.CASE_EXECUTION_ID_, RES.CASE_INST_ID_, RES.CASE_DEF_ID_, RES.TASK_DEF_KEY_, RES.DUE_DATE_, RES.FOLLOW_UP_DATE_,
  RES.SUSPENSION_STATE_, RES.TENANT_ID_, RES.LAST_UPDATED_, RES.TASK_STATE_
from ACT_RU_TASK RES WHERE ( 1 = 1 and RES.TASK_DEF_KEY_ in ( 'triage' ) ) and (RES.TENANT_ID_ is null )
order by RES.PRIORITY_ desc, RES.DUE_DATE_ asc LIMIT 15 OFFSET 0;

-- ingrid: the count
SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ from ACT_RU_TASK RES WHERE ( 1 = 1 and RES.TASK_DEF_KEY_ in ( 'triage' ) )
  and (RES.TENANT_ID_ is null ) ) countDistinct;

-- ingrid: the count as Tasklist's own list request asks it (active tasks only)
SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ from ACT_RU_TASK RES WHERE ( 1 = 1 and RES.TASK_DEF_KEY_ in ( 'triage' )
  and RES.SUSPENSION_STATE_ = 1 ) and (RES.TENANT_ID_ is null ) ) countDistinct;

-- demo (an administrator, unchecked): the count of "Intake: triage"
SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ from ACT_RU_TASK RES WHERE ( 1 = 1 and RES.TASK_DEF_KEY_ in ( 'triage' ) ) )
  countDistinct;

-- carl (clinical-coordinators, two stages): the first page of "Clinical coordination"
select distinct RES.REV_, RES.ID_, RES.NAME_, RES.PARENT_TASK_ID_, RES.DESCRIPTION_, RES.PRIORITY_, RES.CREATE_TIME_,
  RES.OWNER_, RES.ASSIGNEE_, RES.DELEGATION_, RES.EXECUTION_ID_, RES.PROC_INST_ID_, RES.PROC_DEF_ID_,
  RES.CASE_EXECUTION_ID_, RES.CASE_INST_ID_, RES.CASE_DEF_ID_, RES.TASK_DEF_KEY_, RES.DUE_DATE_, RES.FOLLOW_UP_DATE_,
  RES.SUSPENSION_STATE_, RES.TENANT_ID_, RES.LAST_UPDATED_, RES.TASK_STATE_
from ACT_RU_TASK RES WHERE ( 1 = 1 and RES.TASK_DEF_KEY_ in ( 'record-history', 'chase-imaging' ) )
  and (RES.TENANT_ID_ is null )
order by RES.PRIORITY_ desc, RES.DUE_DATE_ asc LIMIT 15 OFFSET 0;

-- carl: the count
SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ from ACT_RU_TASK RES
  WHERE ( 1 = 1 and RES.TASK_DEF_KEY_ in ( 'record-history', 'chase-imaging' ) ) and (RES.TENANT_ID_ is null ) )
  countDistinct;

-- Before V2_4, each group's filter was its candidate group, assigned or not, and a member's query was checked per
-- task (no narrowing block: the query named only their own group).

-- ingrid (intake-coordinators), authorization check on: the first page
select distinct RES.REV_, RES.ID_, RES.NAME_, RES.PARENT_TASK_ID_, RES.DESCRIPTION_, RES.PRIORITY_, RES.CREATE_TIME_,
  RES.OWNER_, RES.ASSIGNEE_, RES.DELEGATION_, RES.EXECUTION_ID_, RES.PROC_INST_ID_, RES.PROC_DEF_ID_,
  RES.CASE_EXECUTION_ID_, RES.CASE_INST_ID_, RES.CASE_DEF_ID_, RES.TASK_DEF_KEY_, RES.DUE_DATE_, RES.FOLLOW_UP_DATE_,
  RES.SUSPENSION_STATE_, RES.TENANT_ID_, RES.LAST_UPDATED_, RES.TASK_STATE_
from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_
left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
left join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2
  AND ( A.USER_ID_ in ( 'ingrid', '*') OR A.GROUP_ID_ IN ( 'intake-coordinators' ) )
  AND ( ( A.RESOURCE_TYPE_ = 7 AND A.PERMS_ & 2 = 2 OR A.RESOURCE_TYPE_ = 6 AND A.PERMS_ & 64 = 64 ) ) ) AUTH
  ON (AUTH.RESOURCE_ID_ IN ( RES.ID_ , D.KEY_ , '*' ))
WHERE ( 1 = 1 and ( I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( 'intake-coordinators' ) ) ) )
  and ( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL) ) and (RES.TENANT_ID_ is null )
order by RES.PRIORITY_ desc, RES.DUE_DATE_ asc LIMIT 15 OFFSET 0;

-- ingrid: the count
SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_
left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
left join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2
  AND ( A.USER_ID_ in ( 'ingrid', '*') OR A.GROUP_ID_ IN ( 'intake-coordinators' ) )
  AND ( ( A.RESOURCE_TYPE_ = 7 AND A.PERMS_ & 2 = 2 OR A.RESOURCE_TYPE_ = 6 AND A.PERMS_ & 64 = 64 ) ) ) AUTH
  ON (AUTH.RESOURCE_ID_ IN ( RES.ID_ , D.KEY_ , '*' ))
WHERE ( 1 = 1 and ( I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( 'intake-coordinators' ) ) ) )
  and ( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL) ) and (RES.TENANT_ID_ is null ) ) countDistinct;

-- demo (an administrator, unchecked): the first page
select distinct RES.REV_, RES.ID_, RES.NAME_, RES.PARENT_TASK_ID_, RES.DESCRIPTION_, RES.PRIORITY_, RES.CREATE_TIME_,
  RES.OWNER_, RES.ASSIGNEE_, RES.DELEGATION_, RES.EXECUTION_ID_, RES.PROC_INST_ID_, RES.PROC_DEF_ID_,
  RES.CASE_EXECUTION_ID_, RES.CASE_INST_ID_, RES.CASE_DEF_ID_, RES.TASK_DEF_KEY_, RES.DUE_DATE_, RES.FOLLOW_UP_DATE_,
  RES.SUSPENSION_STATE_, RES.TENANT_ID_, RES.LAST_UPDATED_, RES.TASK_STATE_
from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_
WHERE ( 1 = 1 and ( I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( 'intake-coordinators' ) ) ) )
order by RES.PRIORITY_ desc, RES.DUE_DATE_ asc LIMIT 15 OFFSET 0;

-- demo: the count
SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_
WHERE ( 1 = 1 and ( I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( 'intake-coordinators' ) ) ) ) ) countDistinct;
