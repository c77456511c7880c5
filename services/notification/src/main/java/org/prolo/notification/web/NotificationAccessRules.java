package org.prolo.notification.web;

import org.prolo.platform.security.Roles;
import org.prolo.platform.security.ServiceAccessRules;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may read the letters to referring physicians. A referral's letters
 * (/api/letters?referralId=) are for every staff group: whoever works the referral may
 * check what its referrer was told.
 * <p>
 * The mailbox of the embedded SMTP server (/api/mailbox) is narrower on purpose: it is
 * every mail sent to every referrer, with no referral filter, so it is not needed to work
 * a referral. Intake coordinators own the correspondence with referrers (they triage and
 * ask for information, and answer a referrer who says no letter came), and clinic leads
 * oversee the service; both may check what actually left through SMTP. Clinicians and
 * clinical coordinators read a referral's letters through /api/letters instead.
 * <p>
 * No service reads letters over HTTP, so no client scope is allowed. Any other path under
 * /api that a later controller adds is staff-only until it gets a rule of its own. API
 * docs, /asyncapi.yaml and Swagger UI fall through to the shared "any signed-in caller".
 */
@Component
class NotificationAccessRules implements ServiceAccessRules {

	@Override
	public void configure(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers("/api/mailbox/**")
			.hasAnyAuthority(Roles.group(Roles.INTAKE_COORDINATORS), Roles.group(Roles.CLINIC_LEADS));
		requests.requestMatchers("/api/**").hasAnyAuthority(Roles.staff());
	}

}
