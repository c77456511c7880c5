package org.prolo.workflow.access;

import java.util.Set;

import jakarta.ws.rs.Path;
import org.camunda.bpm.admin.plugin.spi.impl.AbstractAdminPlugin;
import org.camunda.bpm.admin.resource.AbstractAdminPluginRootResource;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;
import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;
import org.camunda.bpm.welcome.plugin.spi.impl.AbstractWelcomePlugin;
import org.camunda.bpm.welcome.resource.AbstractWelcomePluginRootResource;

/**
 * A plugin of each Camunda webapp (META-INF/services) whose script
 * (plugin-webapp/prolo-sign-out/app/plugin.js) points the webapp's "Log out" at
 * {@link SignOutPage}. Each webapp needs a plugin class and a root resource serving the
 * script of its own.
 */
public final class SignOutPlugin {

	public static final String ID = "prolo-sign-out";

	private SignOutPlugin() {
	}

	public static class Tasklist extends AbstractTasklistPlugin {

		@Override
		public String getId() {
			return ID;
		}

		@Override
		public Set<Class<?>> getResourceClasses() {
			return Set.of(TasklistScript.class);
		}

	}

	@Path("plugin/" + ID)
	public static class TasklistScript extends AbstractTasklistPluginRootResource {

		public TasklistScript() {
			super(ID);
		}

	}

	public static class Cockpit extends AbstractCockpitPlugin {

		@Override
		public String getId() {
			return ID;
		}

		@Override
		public Set<Class<?>> getResourceClasses() {
			return Set.of(CockpitScript.class);
		}

	}

	@Path("plugin/" + ID)
	public static class CockpitScript extends AbstractCockpitPluginRootResource {

		public CockpitScript() {
			super(ID);
		}

	}

	public static class Admin extends AbstractAdminPlugin {

		@Override
		public String getId() {
			return ID;
		}

		@Override
		public Set<Class<?>> getResourceClasses() {
			return Set.of(AdminScript.class);
		}

	}

	@Path("plugin/" + ID)
	public static class AdminScript extends AbstractAdminPluginRootResource {

		public AdminScript() {
			super(ID);
		}

	}

	public static class Welcome extends AbstractWelcomePlugin {

		@Override
		public String getId() {
			return ID;
		}

		@Override
		public Set<Class<?>> getResourceClasses() {
			return Set.of(WelcomeScript.class);
		}

	}

	@Path("plugin/" + ID)
	public static class WelcomeScript extends AbstractWelcomePluginRootResource {

		public WelcomeScript() {
			super(ID);
		}

	}

}
