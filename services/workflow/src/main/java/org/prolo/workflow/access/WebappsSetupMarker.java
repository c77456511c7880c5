package org.prolo.workflow.access;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Camunda's webapps send every request to their first-admin setup page while no user in
 * Camunda's own tables is a member of {@code camunda-admin} (a check hard-coded in the
 * webapps, whatever the engine's admin groups are). People are not in those tables here:
 * they and their groups come from the identity service's token, and the setup page is
 * closed. So one placeholder user, without a password, is made that member: the webapps
 * open, and the membership grants nobody anything, since every caller's groups are the
 * token's and {@code camunda-admin} is an administrator group only where configured
 * ({@link AdministratorGroups}). Idempotent.
 */
@Component
class WebappsSetupMarker implements ApplicationRunner {

	/** Camunda's default user id pattern allows letters and digits only. */
	static final String USER = "webappssetupclosed";

	private final IdentityService identity;

	WebappsSetupMarker(IdentityService identity) {
		this.identity = identity;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
			var group = identity.newGroup(Groups.CAMUNDA_ADMIN);
			group.setName("Camunda administrators");
			group.setType(Groups.GROUP_TYPE_SYSTEM);
			identity.saveGroup(group);
		}
		if (identity.createUserQuery().userId(USER).count() == 0) {
			var user = identity.newUser(USER);
			user.setFirstName("Webapps setup");
			user.setLastName("closed (no sign-in)");
			identity.saveUser(user);
		}
		if (identity.createUserQuery().userId(USER).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
			identity.createMembership(USER, Groups.CAMUNDA_ADMIN);
		}
	}

}
