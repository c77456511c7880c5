package org.prolo.benchmarks;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;

/**
 * The workflow service's own classes, from its build output
 * ({@code services/workflow/target/classes}), for what the task-list benchmark must do
 * exactly as the service does: which stages each staff group's filter lists
 * (tasklist.GroupStages, read from the deployed model) and how a person's task queries
 * are narrowed (access.TaskAccessPlugin with StaffTaskScope). Copies here could drift
 * from the service without anyone noticing; the rest of the service (Spring, Kafka) is
 * not needed and not loaded.
 */
final class WorkflowClasses {

	private final ClassLoader loader;

	private WorkflowClasses(ClassLoader loader) {
		this.loader = loader;
	}

	static WorkflowClasses of(Path root) {
		Path classes = root.resolve("services/workflow/target/classes");
		if (!Files.isDirectory(classes.resolve("org/prolo/workflow/access"))) {
			throw new IllegalStateException("No compiled workflow service in " + classes
					+ ": build it first (./mvnw package -DskipTests -pl benchmarks,services/workflow -am)");
		}
		try {
			return new WorkflowClasses(
					new URLClassLoader(new URL[] { classes.toUri().toURL() }, WorkflowClasses.class.getClassLoader()));
		}
		catch (MalformedURLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The workflow's TaskAccessPlugin: task permissions of candidate groups on the
	 * process definition, and each person's task queries narrowed to their groups' tasks.
	 */
	ProcessEnginePlugin taskAccess() {
		try {
			return (ProcessEnginePlugin) loader.loadClass("org.prolo.workflow.access.TaskAccessPlugin")
				.getConstructor()
				.newInstance();
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot load the workflow's TaskAccessPlugin", ex);
		}
	}

	/** The user tasks of {@code group} in the deployed referral process (GroupStages). */
	@SuppressWarnings("unchecked")
	List<String> stagesOf(RepositoryService repository, String group) {
		try {
			Class<?> type = loader.loadClass("org.prolo.workflow.tasklist.GroupStages");
			Object stages = type.getConstructor(RepositoryService.class).newInstance(repository);
			return (List<String>) type.getMethod("of", String.class).invoke(stages, group);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot read the stages of " + group + " with the workflow's GroupStages",
					ex);
		}
	}

}
