package org.prolo.workflow.access;

import java.util.Map;

import jakarta.servlet.DispatcherType;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.prolo.platform.security.ProloSecurityAutoConfiguration;
import org.prolo.platform.security.ProloSecurityAutoConfiguration.ProloHttpSecurity;
import org.prolo.platform.security.Roles;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.autoconfigure.web.servlet.JerseyApplicationPath;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Camunda's webapps and engine REST API behind the clinic's sign-in. Two filter chains
 * ahead of the shared one: the webapps (browser sign-in through the identity service,
 * staff and the administrator groups only) and the engine REST API (bearer tokens only,
 * any signed-in caller). Behind Spring Security, Camunda's own authentication filters
 * take the caller from {@link SignedInCaller}, so the engine enforces its authorizations
 * for that user and the token's groups.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdministratorGroups.class)
public class WorkflowSecurity {

	static final int WEBAPPS_ORDER = ProloSecurityAutoConfiguration.CHAIN_ORDER - 20;

	static final int ENGINE_REST_ORDER = ProloSecurityAutoConfiguration.CHAIN_ORDER - 10;

	/** Right after Spring Security's filter, so that the caller is known. */
	static final int CAMUNDA_AUTHENTICATION_ORDER = SecurityProperties.DEFAULT_FILTER_ORDER + 1;

	@Bean
	@Order(WEBAPPS_ORDER)
	SecurityFilterChain camundaWebapps(HttpSecurity http, ProloHttpSecurity prolo, CamundaBpmProperties camunda,
			AdministratorGroups administrators) throws Exception {
		String webapps = camunda.getWebapp().getApplicationPath();
		http.securityMatcher(new OrRequestMatcher(path(null, webapps), path(null, webapps + "/**")))
			.authorizeHttpRequests(requests -> requests
				// Identities come from the identity service: the webapps' own login form
				// and first-admin setup would let someone become another Camunda user.
				.requestMatchers(path(HttpMethod.POST, webapps + "/api/admin/auth/user/*/login/*"))
				.denyAll()
				.requestMatchers(path(null, webapps + "/api/admin/setup/**"))
				.denyAll()
				.anyRequest()
				.hasAnyAuthority(
						Roles.staffOr(administrators.adminGroups().stream().map(Roles::group).toArray(String[]::new))));
		prolo.signIn(http);
		// The webapps send their own CSRF token (Camunda's CsrfPreventionFilter checks
		// X-XSRF-TOKEN on every change) and their own headers with a CSP that fits their
		// scripts; Spring's CSRF and a second CSP would only break them.
		http.csrf(AbstractHttpConfigurer::disable);
		http.headers(AbstractHttpConfigurer::disable);
		http.headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	@Bean
	AdministratorGroups.EnginePlugin administratorGroupsPlugin(AdministratorGroups administrators) {
		return new AdministratorGroups.EnginePlugin(administrators);
	}

	@Bean
	@Order(ENGINE_REST_ORDER)
	SecurityFilterChain engineRest(HttpSecurity http, ProloHttpSecurity prolo, JerseyApplicationPath engineRest)
			throws Exception {
		// Any signed-in caller: what each may see and do is the engine's authorizations'
		// business (a physician's task query comes back empty).
		http.securityMatcher(path(null, engineRest.getRelativePath("/**")))
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
		prolo.signIn(http);
		// Bearer tokens only: no session, no browser sign-in, nothing to protect from
		// CSRF.
		http.oauth2Login(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.requestCache(new NullRequestCache()));
		return http.build();
	}

	/**
	 * Whole request paths: the webapps and the engine REST API are servlets of their own,
	 * which Spring MVC's path matching (the default of a string pattern) does not see.
	 */
	static RequestMatcher path(HttpMethod method, String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
	}

	@Bean
	FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappsAuthentication(CamundaBpmProperties camunda) {
		var registration = new FilterRegistrationBean<ContainerBasedAuthenticationFilter>(
				new TokenIdentityAuthenticationFilter());
		registration.setName("Container Based Authentication Filter");
		registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				SignedInCaller.class.getName()));
		registration.setOrder(CAMUNDA_AUTHENTICATION_ORDER);
		registration.addUrlPatterns(camunda.getWebapp().getApplicationPath() + "/*");
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(
			JerseyApplicationPath engineRest) {
		var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
		registration.setName("Engine REST Authentication Filter");
		registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				SignedInCaller.class.getName()));
		registration.setOrder(CAMUNDA_AUTHENTICATION_ORDER);
		registration.addUrlPatterns(engineRest.getUrlMapping());
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

}
