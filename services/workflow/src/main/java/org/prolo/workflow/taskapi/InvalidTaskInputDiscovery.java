package org.prolo.workflow.taskapi;

import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * Adds {@link InvalidTaskInputMapper} to every Jersey application that serves Camunda's
 * REST resources: the starter's /engine-rest and the webapps' /camunda/api/engine (what
 * Tasklist submits forms to). The latter is a fixed JAX-RS Application registered by
 * Camunda's webapp initializer with no hook for extra providers, so Jersey's
 * auto-discovery (META-INF/services) is the one way into both. Other Jersey applications
 * (Cockpit, Admin, Tasklist's own API) are left alone.
 */
public class InvalidTaskInputDiscovery implements AutoDiscoverable {

	@Override
	public void configure(FeatureContext context) {
		var configuration = context.getConfiguration();
		if (configuration.getRuntimeType() == RuntimeType.SERVER
				&& configuration.isRegistered(RestExceptionHandler.class)
				&& !configuration.isRegistered(InvalidTaskInputMapper.class)) {
			context.register(InvalidTaskInputMapper.class);
		}
	}

}
