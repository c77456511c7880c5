package org.prolo.timeline.web;

import org.prolo.platform.security.Roles;
import org.prolo.platform.security.ServiceAccessRules;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may read timelines and key figures: staff groups, and the services that show a
 * referral's history to their own users (intake to its physicians, workflow on its
 * inspection page) with client-credentials tokens carrying timeline.read. Physicians get
 * 403 here: intake shows them their own referrals' timelines, and only their own, which
 * this service cannot tell apart. The page at / (index.html and its script) is a staff
 * tool in the browser; a service client has no use for it. Any other path under /api is
 * covered too, so a controller added later is not open by accident. API docs,
 * /asyncapi.yaml and Swagger UI fall through to the shared "any signed-in caller".
 */
@Component
class TimelineAccessRules implements ServiceAccessRules {

	@Override
	public void configure(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers("/", "/index.html", "/timeline.js").hasAnyAuthority(Roles.staff());
		requests.requestMatchers("/api/**").hasAnyAuthority(Roles.staffOr(Roles.scope(Roles.TIMELINE_READ)));
	}

}
