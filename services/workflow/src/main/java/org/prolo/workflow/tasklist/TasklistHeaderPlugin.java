package org.prolo.workflow.tasklist;

import java.util.Set;

import jakarta.ws.rs.Path;
import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;

/**
 * A Tasklist plugin (META-INF/services) whose style sheet
 * (plugin-webapp/prolo-tasklist/app/plugin.css) takes "Start process" and "Create task"
 * out of Tasklist's header: referrals start only at intake and there are no tasks outside
 * a process. The engine refuses both to staff anyway (no CREATE_INSTANCE, no CREATE on
 * tasks: org.prolo.workflow.access.GroupAuthorizations); this only stops offering them.
 * Tasklist's own way to leave plugins out (the cam-exclude-plugins attribute of its
 * page's base tag) would need a copy of Camunda's index.html.
 */
public class TasklistHeaderPlugin extends AbstractTasklistPlugin {

	public static final String ID = "prolo-tasklist";

	@Override
	public String getId() {
		return ID;
	}

	@Override
	public Set<Class<?>> getResourceClasses() {
		return Set.of(Assets.class);
	}

	/** Serves the plugin's script and style sheet. */
	@Path("plugin/" + ID)
	public static class Assets extends AbstractTasklistPluginRootResource {

		public Assets() {
			super(ID);
		}

	}

}
