/**
 * How many open tasks are past their due date, per candidate group, for the clinic leads'
 * overview in the portal: {@code GET /api/overdue-tasks}, clinic leads only.
 * <p>
 * Counted here rather than by the portal over the engine REST API: a lead's task query is
 * narrowed to the tasks of the lead's own groups ({@code access.StaffTaskScope}), and the
 * engine joins the identity links once for both that narrowing and a
 * {@code candidateGroup} filter, so a lead asking for another group's tasks would get
 * only those that are also the lead's, and never a count per group.
 */
package org.prolo.workflow.overdue;
