package org.prolo.scheduling.appointments;

import org.prolo.platform.security.Roles;
import org.prolo.platform.security.ServiceAccessRules;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Bookings are the clinic's business: staff groups read them (coordinators arrange the
 * sessions, clinicians see when a patient comes). Physicians outside the clinic learn of
 * the dates from their letters, and no service reads bookings over HTTP, so no client
 * scope is allowed. The whole of /api, so that a controller added later is staff-only
 * until it gets a rule of its own. The waiting list is worked by intake coordinators (who
 * read it) and clinic leads (who also add capacity, which books it). API docs,
 * /asyncapi.yaml and Swagger UI fall through to the shared "any signed-in caller".
 */
@Component
class AppointmentsAccessRules implements ServiceAccessRules {

	@Override
	public void configure(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers(HttpMethod.GET, "/api/waiting-list")
			.hasAnyAuthority(Roles.group(Roles.CLINIC_LEADS), Roles.group(Roles.INTAKE_COORDINATORS));
		requests.requestMatchers("/api/waiting-list/**", "/api/capacity/**", "/api/capacity")
			.hasAuthority(Roles.group(Roles.CLINIC_LEADS));
		requests.requestMatchers("/api/**").hasAnyAuthority(Roles.staff());
	}

}
