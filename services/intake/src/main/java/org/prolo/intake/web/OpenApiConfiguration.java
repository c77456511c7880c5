package org.prolo.intake.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The title of the OpenAPI description at /v3/api-docs (Swagger UI at /swagger-ui.html).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI intakeApi() {
		return new OpenAPI().info(new Info().title("Prolotherapy referral intake")
			.version("v1")
			.description("Referring physicians submit, follow, withdraw and complete referrals for prolotherapy. "
					+ "Errors are RFC 9457 application/problem+json; validation errors list every bad field in "
					+ "`errors`. Unknown JSON members are ignored; text with control characters or lone surrogates is "
					+ "refused; a request body above 1 MB is refused with 413."));
	}

}
