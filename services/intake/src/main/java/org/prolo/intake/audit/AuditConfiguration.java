package org.prolo.intake.audit;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

	@Bean
	FilterRegistrationBean<AuditFilter> auditFilter(AuditTrail trail) {
		var registration = new FilterRegistrationBean<>(new AuditFilter(trail));
		// Just outside Spring Security's chain: see AuditFilter.
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
		return registration;
	}

}
