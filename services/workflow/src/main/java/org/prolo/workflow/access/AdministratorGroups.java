package org.prolo.workflow.access;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The groups whose members administer the engine: ALL on every resource (deploying
 * models, changing authorizations, Cockpit and Admin) and the engine's admin groups,
 * exactly these. A Camunda administrator can deploy a model whose expressions and scripts
 * run on this server, so the group is a dedicated one that no clinic role implies, given
 * by the identity service to the few people trusted with that. Camunda's built-in
 * {@code camunda-admin} is an admin group only when listed here (the demo profile lists
 * it for its {@code demo} user).
 *
 * @param adminGroups group ids, from the token's groups claim
 */
@ConfigurationProperties("prolo.workflow.access")
public record AdministratorGroups(@DefaultValue(AdministratorGroups.WORKFLOW_ADMINS) List<String> adminGroups) {

	public static final String WORKFLOW_ADMINS = "workflow-admins";

	public AdministratorGroups {
		adminGroups = List.copyOf(adminGroups);
	}

	/**
	 * Replaces the engine's admin groups, to which Camunda always adds
	 * {@code camunda-admin} while it initialises.
	 */
	static final class EnginePlugin extends AbstractProcessEnginePlugin {

		private final List<String> adminGroups;

		EnginePlugin(AdministratorGroups groups) {
			this.adminGroups = groups.adminGroups();
		}

		@Override
		public void postInit(ProcessEngineConfigurationImpl configuration) {
			configuration.setAdminGroups(new ArrayList<>(this.adminGroups));
		}

	}

}
