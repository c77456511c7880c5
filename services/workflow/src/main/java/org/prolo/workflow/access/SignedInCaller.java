package org.prolo.workflow.access;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.prolo.platform.security.CurrentCaller;

/**
 * Camunda's view of the caller Spring Security signed in (by session or bearer token):
 * the token's user id and its groups. The groups come from the token, not from Camunda's
 * membership table, so a person's groups are the same in Tasklist, in the engine REST API
 * and in every other service. Camunda's filters instantiate this class by name and call
 * it after Spring Security's filter chain has run. A staff member's groups are also
 * recorded in Camunda's identity service ({@link StaffMembers}), where assignments are
 * checked.
 */
public class SignedInCaller extends ContainerBasedAuthenticationProvider {

	@Override
	public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
		return CurrentCaller.get().filter(caller -> !caller.id().isBlank()).map(caller -> {
			StaffMembers.signedIn(engine, caller.id(), caller.groups());
			AuthenticationResult result = AuthenticationResult.successful(caller.id());
			result.setGroups(caller.groups().stream().sorted().toList());
			// No tenants here: an empty list spares the engine a tenant query per
			// request.
			result.setTenants(List.of());
			return result;
		}).orElseGet(AuthenticationResult::unsuccessful);
	}

}
