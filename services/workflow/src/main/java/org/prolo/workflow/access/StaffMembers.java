package org.prolo.workflow.access;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.prolo.platform.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camunda's record of the clinic's staff and their groups, kept from their sign-ins: the
 * groups a staff member's token carried the last time they called the workflow service
 * become their memberships in Camunda's identity service (users and memberships tables),
 * which is what a clinic lead's assignment is checked against. Only staff groups are
 * recorded: physicians and service clients are never members, so nobody can give them a
 * task. Someone who has not signed in since joining a group is not known to be in it (the
 * demo users are recorded at start-up by DemoUsers).
 */
final class StaffMembers {

	private static final Logger log = LoggerFactory.getLogger(StaffMembers.class);

	/**
	 * Per engine, what was last recorded for each user: one write per change, not per
	 * request.
	 */
	private static final Map<ProcessEngine, Map<String, Set<String>>> RECORDED = Collections
		.synchronizedMap(new WeakHashMap<>());

	private StaffMembers() {
	}

	static void signedIn(ProcessEngine engine, String userId, Collection<String> groups) {
		Set<String> staff = new TreeSet<>(groups);
		staff.retainAll(Roles.STAFF);
		Map<String, Set<String>> recorded = RECORDED.computeIfAbsent(engine, any -> new ConcurrentHashMap<>());
		if (staff.equals(recorded.get(userId))) {
			return;
		}
		IdentityService identity = engine.getIdentityService();
		// Written as the engine: recording a sign-in needs no permission of the person.
		var current = identity.getCurrentAuthentication();
		identity.clearAuthentication();
		try {
			if (identity.createUserQuery().userId(userId).count() == 0) {
				if (staff.isEmpty()) {
					// Physicians and service clients are never recorded, so never given a
					// task.
					recorded.put(userId, staff);
					return;
				}
				identity.saveUser(identity.newUser(userId));
			}
			for (String group : Roles.STAFF) {
				boolean member = identity.createUserQuery().userId(userId).memberOfGroup(group).count() > 0;
				if (staff.contains(group) && !member) {
					if (identity.createGroupQuery().groupId(group).count() == 0) {
						var created = identity.newGroup(group);
						created.setName(group);
						created.setType("WORKFLOW");
						identity.saveGroup(created);
					}
					identity.createMembership(userId, group);
				}
				else if (!staff.contains(group) && member) {
					identity.deleteMembership(userId, group);
				}
			}
			recorded.put(userId, staff);
		}
		catch (RuntimeException ex) {
			// Two first requests at once may both create the user; the next request
			// records it. Signing in does not fail for it.
			log.warn("Could not record the groups of staff member {}: {}", userId, ex.toString());
		}
		finally {
			if (current != null) {
				identity.setAuthentication(current);
			}
		}
	}

}
