package org.prolo.workflow.access;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

import org.springframework.stereotype.Component;

/**
 * Task permissions per staff group on the process definition instead of per task
 * ({@link TaskGrantsOnDefinition}), and each person's task queries narrowed to their own
 * groups' tasks ({@link StaffTaskScope}). The Spring Boot starter applies every
 * ProcessEnginePlugin bean.
 */
@Component
public class TaskAccessPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setResourceAuthorizationProvider(new TaskGrantsOnDefinition());
		List<SessionFactory> factories = (configuration.getCustomSessionFactories() != null)
				? new ArrayList<>(configuration.getCustomSessionFactories()) : new ArrayList<>();
		factories.add(new StaffTaskScope.Factory());
		configuration.setCustomSessionFactories(factories);
	}

}
