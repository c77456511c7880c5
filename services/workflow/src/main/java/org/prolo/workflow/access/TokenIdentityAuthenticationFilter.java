package org.prolo.workflow.access;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * Camunda's container-based authentication of the webapps, for people who exist in the
 * identity service only. Camunda's own filter looks the user up in the engine's user
 * table and fails (a NullPointerException, a 500) for anyone not there; here the user id
 * and groups of the token are the whole identity, and the engine's users are at most
 * display names for Tasklist. Which webapps someone may open is still decided by the
 * engine's APPLICATION authorizations of their groups, as Camunda decides it.
 */
public class TokenIdentityAuthenticationFilter extends ContainerBasedAuthenticationFilter {

	@Override
	protected UserAuthentication createAuthentication(ProcessEngine engine, String userId, List<String> groupIds,
			List<String> tenantIds) {
		// Authorization checks of the apps run as the engine itself, as in Camunda's own
		// filter.
		engine.getIdentityService().clearAuthentication();
		AuthorizationService authorizations = engine.getAuthorizationService();
		boolean checked = engine.getProcessEngineConfiguration().isAuthorizationEnabled();
		Set<String> apps = new HashSet<>();
		apps.add(AuthenticationUtil.APP_WELCOME);
		for (String app : AuthenticationUtil.APPS) {
			if (!checked || authorizations.isUserAuthorized(userId, groupIds, Permissions.ACCESS, Resources.APPLICATION,
					app)) {
				apps.add(app);
			}
		}
		UserAuthentication authentication = new UserAuthentication(userId, engine.getName());
		authentication.setGroupIds(groupIds);
		authentication.setTenantIds(tenantIds);
		authentication.setAuthorizedApps(apps);
		return authentication;
	}

}
