package org.prolo.workflow.access;

import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine's default authorizations, except that a task's candidate group gets no
 * authorization row of its own: staff groups hold their task permissions on the referral
 * process definition ({@link GroupAuthorizations}), and which tasks of it each person
 * reaches is narrowed by {@link StaffTaskScope} and the engine guard. One row per open
 * task made every authorized task query compare each task with each row. People given a
 * task (assignee, owner, candidate user) still get theirs, as the engine gives them.
 */
final class TaskGrantsOnDefinition extends DefaultAuthorizationProvider {

	@Override
	public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String identityLinkType) {
		return null;
	}

	@Override
	public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String identityLinkType) {
		return null;
	}

}
