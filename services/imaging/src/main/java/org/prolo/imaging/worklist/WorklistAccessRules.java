package org.prolo.imaging.worklist;

import org.prolo.platform.security.Roles;
import org.prolo.platform.security.ServiceAccessRules;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may use the radiology worklist. A report comes from the external radiology system
 * (client {@code radiology}, scope imaging.report) or from a clinician reading the images
 * in the clinic; the worklist and its orders are for clinic staff. Physicians outside the
 * clinic have no business here: they follow a referral through intake. Any other path
 * under /api that a later controller adds is staff-only until it gets a rule of its own.
 * API docs, /asyncapi.yaml and Swagger UI fall through to the shared "any signed-in
 * caller".
 */
@Component
class WorklistAccessRules implements ServiceAccessRules {

	@Override
	public void configure(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers(HttpMethod.POST, "/api/imaging-orders/*/report")
			.hasAnyAuthority(Roles.scope(Roles.IMAGING_REPORT), Roles.group(Roles.CLINICIANS));
		requests.requestMatchers("/api/**").hasAnyAuthority(Roles.staff());
	}

}
