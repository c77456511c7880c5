package org.prolo.workflow.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The engine never builds an object of a type a caller chose: a stored object value names
 * its class, and reading it back is refused unless that class is allowed (none beyond
 * Camunda's own base types).
 */
class DeserializationTypeValidationTests {

	@RegisterExtension
	static final ProcessEngineExtension engine = ProcessEngineExtension.builder()
		.configurationResource("process-tests.camunda.cfg.xml")
		.build();

	private String deploymentId;

	@AfterEach
	void undeploy() {
		if (deploymentId != null) {
			engine.getRepositoryService().deleteDeployment(deploymentId, true);
		}
	}

	@Test
	void theEngineValidatesTypesBeforeDeserializingAndAllowsNoneOfItsCallers() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
			.getProcessEngineConfiguration();

		assertThat(configuration.isDeserializationTypeValidationEnabled()).isTrue();
		assertThat(configuration.getDeserializationAllowedPackages()).isNullOrEmpty();
		assertThat(configuration.getDeserializationAllowedClasses()).isNullOrEmpty();
	}

	@Test
	void refusesToBuildAnObjectOfATypeTheStoredValueNames() {
		ProcessInstance instance = waitingInstance();
		engine.getRuntimeService()
			.setVariable(instance.getId(), "planted",
					Variables.serializedObjectValue("\"http://example.invalid/\"")
						.serializationDataFormat(Variables.SerializationDataFormats.JSON)
						.objectTypeName("java.net.URL")
						.create());

		assertThatThrownBy(() -> engine.getRuntimeService().getVariable(instance.getId(), "planted"))
			.isInstanceOf(ProcessEngineException.class)
			.rootCause()
			.hasMessageContaining("not whitelisted for deserialization")
			.hasMessageContaining("java.net.URL");
	}

	private ProcessInstance waitingInstance() {
		deploymentId = engine.getRepositoryService()
			.createDeployment()
			.addModelInstance("waiting.bpmn",
					Bpmn.createExecutableProcess("waiting")
						.camundaHistoryTimeToLive(1)
						.startEvent()
						.receiveTask("wait")
						.message("never")
						.endEvent()
						.done())
			.deploy()
			.getId();
		return engine.getRuntimeService().startProcessInstanceByKey("waiting");
	}

}
