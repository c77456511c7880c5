package org.prolo.intake.web;

import org.prolo.platform.security.Roles;
import org.prolo.platform.security.ServiceAccessRules;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;

/**
 * Who may call which intake endpoint, by group; which referral they may see or change is
 * decided by the use cases (ReferralAccess), since only the referral knows its referrer.
 * Physicians submit, withdraw and answer; physicians and the clinic's staff read; clinic
 * leads read the audit log. Service clients have no business with referrals. The FHIR
 * CapabilityStatement needs a signed-in caller too: SMART clients would read it before
 * signing in, but only health and readiness are open, and it names this clinic's
 * endpoints. The matchers are path patterns on the whole path, because /fhir is a servlet
 * of its own beside Spring MVC's. Any other path under /api or /fhir is for physicians
 * and staff until it gets a rule of its own; API docs and /asyncapi.yaml fall through to
 * the shared "any signed-in caller".
 */
@Component
class IntakeAccessRules implements ServiceAccessRules {

	private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

	@Override
	public void configure(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		String physician = Roles.group(Roles.PHYSICIAN);
		requests
			.requestMatchers(PATHS.matcher(HttpMethod.POST, "/api/referrals"),
					PATHS.matcher(HttpMethod.POST, "/fhir/ServiceRequest"),
					PATHS.matcher(HttpMethod.POST, "/api/referrals/*/withdrawal"),
					PATHS.matcher(HttpMethod.POST, "/api/referrals/*/information"))
			.hasAuthority(physician);
		requests.requestMatchers(PATHS.matcher("/api/audit")).hasAuthority(Roles.group(Roles.CLINIC_LEADS));
		requests.requestMatchers(PATHS.matcher("/api/**"), PATHS.matcher("/fhir/**"))
			.hasAnyAuthority(Roles.staffOr(physician));
	}

}
