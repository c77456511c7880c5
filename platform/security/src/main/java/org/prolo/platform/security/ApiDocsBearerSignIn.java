package org.prolo.platform.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Every service's OpenAPI description names the identity service's access token as an
 * HTTP bearer JWT scheme required by every operation, so that Swagger UI offers
 * "Authorize" and sends the token with each call it tries. Only where springdoc is on the
 * classpath; the health probes, the only open endpoints, are outside the description.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(GlobalOpenApiCustomizer.class)
@ConditionalOnProperty(name = "prolo.security.enabled", havingValue = "true", matchIfMissing = true)
public class ApiDocsBearerSignIn {

	/** The scheme's name in components.securitySchemes. */
	public static final String SCHEME = "bearer";

	@Bean
	GlobalOpenApiCustomizer bearerSignIn() {
		return api -> {
			if (api.getComponents() == null) {
				api.setComponents(new Components());
			}
			api.getComponents()
				.addSecuritySchemes(SCHEME,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.bearerFormat("JWT")
							.description("An access token of the identity service (authorization code or client "
									+ "credentials), sent as Authorization: Bearer"));
			boolean required = api.getSecurity() != null
					&& api.getSecurity().stream().anyMatch(requirement -> requirement.containsKey(SCHEME));
			if (!required) {
				api.addSecurityItem(new SecurityRequirement().addList(SCHEME));
			}
		};
	}

}
