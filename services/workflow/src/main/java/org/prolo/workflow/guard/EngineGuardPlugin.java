package org.prolo.workflow.guard;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.prolo.platform.security.Roles;
import org.prolo.workflow.lifecycle.TaskCommandPolicy;

import org.springframework.stereotype.Component;

/**
 * Puts {@link EngineGuard} into the engine's command chains, with each task's outputs
 * read from the forms, and turns on Camunda's deserialization type validation with no
 * type allowed beyond Camunda's own base types: no variable from outside makes the engine
 * build an object of a type the caller chose. The Spring Boot starter applies every
 * ProcessEnginePlugin bean; the tests' standalone engine lists this class.
 */
@Component
public class EngineGuardPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		var policy = new TaskCommandPolicy(FormOutputs.fromClasspath(), Roles.STAFF);
		// One instance per chain: an interceptor holds its chain's next link.
		configuration.setCustomPostCommandInterceptorsTxRequired(
				with(configuration.getCustomPostCommandInterceptorsTxRequired(), new EngineGuard(policy)));
		configuration.setCustomPostCommandInterceptorsTxRequiresNew(
				with(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), new EngineGuard(policy)));
		configuration.setDeserializationTypeValidationEnabled(true);
		configuration.setDeserializationAllowedPackages(null);
		configuration.setDeserializationAllowedClasses(null);
	}

	private static List<CommandInterceptor> with(List<CommandInterceptor> interceptors, CommandInterceptor guard) {
		List<CommandInterceptor> all = (interceptors != null) ? new ArrayList<>(interceptors) : new ArrayList<>();
		all.add(guard);
		return all;
	}

}
