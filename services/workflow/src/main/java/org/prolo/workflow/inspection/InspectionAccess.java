package org.prolo.workflow.inspection;

import org.prolo.platform.security.Roles;
import org.prolo.platform.security.ServiceAccessRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may inspect a referral and who may fix it: every staff group may look (page and
 * API), only clinic leads may retry a job or replay a dead letter.
 */
@Configuration(proxyBeanMethods = false)
public class InspectionAccess {

	static final String API = "/api/referrals/*/inspection";

	@Bean
	ServiceAccessRules inspectionRules() {
		return requests -> requests.requestMatchers(HttpMethod.POST, API + "/**")
			.hasAuthority(Roles.group(Roles.CLINIC_LEADS))
			.requestMatchers(HttpMethod.GET, API, API + "/**", "/inspect.html", "/inspect.js")
			.hasAnyAuthority(Roles.staff());
	}

}
