package org.prolo.workflow.overdue;

import org.prolo.platform.security.Roles;
import org.prolo.platform.security.ServiceAccessRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Clinic leads only: who is behind with what is a lead's question. */
@Configuration(proxyBeanMethods = false)
public class OverdueTasksAccess {

	@Bean
	ServiceAccessRules overdueTasksRules() {
		return requests -> requests.requestMatchers(OverdueTasksController.PATH)
			.hasAuthority(Roles.group(Roles.CLINIC_LEADS));
	}

}
