package org.prolo.intake.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.prolo.platform.security.Caller;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The title of the OpenAPI description at /v3/api-docs (Swagger UI at /swagger-ui.html);
 * platform/security adds the bearer sign-in every service offers.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static {
		// Resolved from the access token, not sent by the client.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
	}

	@Bean
	OpenAPI intakeApi() {
		return new OpenAPI().info(new Info().title("Prolotherapy referral intake")
			.version("v1")
			.description("Referring physicians submit, follow, withdraw and complete referrals for prolotherapy; "
					+ "the clinic's staff read them. Every call needs an access token of the identity service "
					+ "(`Authorization: Bearer`); a physician sees only their own referrals (another physician's are "
					+ "404, as unknown ids are). Each physician may submit a limited number of referrals a minute "
					+ "(by default 30, 10 at once), then 429 with Retry-After. Every read and change is audited. Errors are RFC 9457 "
					+ "application/problem+json; validation errors list every bad field in `errors`. Unknown JSON "
					+ "members are ignored; text with control characters or lone surrogates is refused; a request body "
					+ "above 1 MB is refused with 413."));
	}

}
