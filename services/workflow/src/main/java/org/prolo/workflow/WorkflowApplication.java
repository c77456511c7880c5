package org.prolo.workflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the prolotherapy-referral process on an embedded Camunda 7 engine, with Tasklist
 * at /camunda and the engine REST API at /engine-rest.
 */
@SpringBootApplication
@EnableAsync
@EnableScheduling
public class WorkflowApplication {

	public static void main(String[] args) {
		SpringApplication.run(WorkflowApplication.class, args);
	}

}
