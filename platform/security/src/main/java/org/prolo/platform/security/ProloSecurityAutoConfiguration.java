package org.prolo.platform.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.autoconfigure.security.oauth2.client.servlet.OAuth2ClientAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Makes a service an OAuth2 resource server and an OAuth2 login client of the identity
 * service, with one filter chain: bearer tokens for APIs, a session for the service's
 * browser pages. Services add rules as {@link ServiceAccessRules} beans; a service that
 * needs more chains (workflow, for Camunda's webapps) builds them with
 * {@link ProloHttpSecurity} and an order before {@link #CHAIN_ORDER}.
 */
@AutoConfiguration(before = { SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
		OAuth2ResourceServerAutoConfiguration.class, OAuth2ClientAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "prolo.security.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(ProloSecurityProperties.class)
@EnableWebSecurity
public class ProloSecurityAutoConfiguration {

	/**
	 * The registration id of the browser sign-in; its callback is
	 * /login/oauth2/code/prolo.
	 */
	public static final String LOGIN_REGISTRATION = "prolo";

	static final String SERVICE_REGISTRATION = "prolo-service";

	public static final int CHAIN_ORDER = SecurityProperties.BASIC_AUTH_ORDER;

	@Bean
	DemoSecretCheck demoSecretCheck(ProloSecurityProperties properties, Environment environment) {
		return new DemoSecretCheck(properties, environment);
	}

	@Bean
	@ConditionalOnMissingBean
	JwtDecoder jwtDecoder(ProloSecurityProperties properties) {
		// The JWKS is fetched on the first token, not at start-up: services start before
		// (or without) the identity service and still answer their probes.
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.getJwkSetUri()).build();
		decoder.setJwtValidator(AccessTokenValidation.validator(properties));
		return decoder;
	}

	@Bean
	@ConditionalOnMissingBean
	ClientRegistrationRepository clientRegistrationRepository(ProloSecurityProperties properties) {
		List<ClientRegistration> registrations = new ArrayList<>();
		registrations.add(ClientRegistration.withRegistrationId(LOGIN_REGISTRATION)
			.clientId(properties.getLogin().getId())
			.clientSecret(properties.getLogin().getSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.scope("openid", "profile", "email")
			.authorizationUri(properties.getAuthorizationUri())
			.tokenUri(properties.getTokenUri())
			.jwkSetUri(properties.getJwkSetUri())
			.userInfoUri(properties.getUserInfoUri())
			.userNameAttributeName(IdTokenClaimNames.SUB)
			.issuerUri(properties.getIssuer())
			.providerConfigurationMetadata(Map.of("end_session_endpoint", properties.getEndSessionUri()))
			.clientName("Prolotherapy clinic sign-in")
			.build());
		if (properties.getClient().getId() != null) {
			registrations.add(ClientRegistration.withRegistrationId(SERVICE_REGISTRATION)
				.clientId(properties.getClient().getId())
				.clientSecret(properties.getClient().getSecret())
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
				.tokenUri(properties.getTokenUri())
				.build());
		}
		return new InMemoryClientRegistrationRepository(registrations);
	}

	@Bean
	@ConditionalOnMissingBean
	OAuth2AuthorizedClientService authorizedClientService(ClientRegistrationRepository registrations) {
		return new InMemoryOAuth2AuthorizedClientService(registrations);
	}

	@Bean
	@ConditionalOnProperty(name = "prolo.security.client.id")
	ServiceTokens serviceTokens(ClientRegistrationRepository registrations, OAuth2AuthorizedClientService clients) {
		var manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, clients);
		manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
			.clientCredentials(credentials -> credentials.accessTokenResponseClient(tokenClientWithTimeouts()))
			.build());
		return new ServiceTokens(manager);
	}

	/**
	 * Spring's default token client waits for ever; a hung identity service would then
	 * hang every call to another service. Converters and error handler as in the default.
	 */
	private static RestClientClientCredentialsTokenResponseClient tokenClientWithTimeouts() {
		var factory = new SimpleClientHttpRequestFactory();
		factory.setConnectTimeout(Duration.ofSeconds(2));
		factory.setReadTimeout(Duration.ofSeconds(5));
		var client = new RestClientClientCredentialsTokenResponseClient();
		client.setRestClient(RestClient.builder().requestFactory(factory).messageConverters(converters -> {
			converters.clear();
			converters.add(new FormHttpMessageConverter());
			converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
		}).defaultStatusHandler(new OAuth2ErrorResponseErrorHandler()).build());
		return client;
	}

	@Bean
	ProloHttpSecurity proloHttpSecurity(ProloSecurityProperties properties, ObjectProvider<ServiceAccessRules> rules,
			ClientRegistrationRepository registrations, Environment environment) {
		return new ProloHttpSecurity(properties, rules.orderedStream().toList(), registrations,
				SessionCookieNames.serviceName(environment));
	}

	@Bean
	@Order(CHAIN_ORDER)
	SecurityFilterChain proloSecurityFilterChain(HttpSecurity http, ProloHttpSecurity prolo) throws Exception {
		return prolo.apply(http).build();
	}

	/** Picked up by Spring Security for the whole filter chain proxy. */
	@Bean
	@ConditionalOnMissingBean
	HttpFirewall httpFirewall(ProloSecurityProperties properties) {
		return new CanonicalPathFirewall(properties.getApiPathPrefixes());
	}

	@Bean
	FilterRegistrationBean<FirewallFirst> firewallFirst(HttpFirewall firewall, RequestRejectedHandler rejected) {
		var registration = new FilterRegistrationBean<>(new FirewallFirst(firewall, rejected));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/**
	 * Tomcat refuses an encoded slash itself, with an HTML page; passed through, the
	 * firewall refuses it as problem+json like every other odd spelling.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesReachTheFirewall() {
		return factory -> factory.addConnectorCustomizers(
				connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
	}

	@Bean
	@ConditionalOnMissingBean
	RequestRejectedHandler requestRejectedHandler() {
		return new ProblemResponses.Rejected();
	}

	@Bean
	FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(ProloSecurityProperties properties) {
		var registration = new FilterRegistrationBean<>(new RequestSizeLimit(properties.getMaxRequestSize().toBytes()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	@Bean
	WebMvcConfigurer callerArguments() {
		return new WebMvcConfigurer() {
			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new CallerArgumentResolver());
			}
		};
	}

	/**
	 * The shared part of every filter chain, so that a service with several chains keeps
	 * the same sign-in, errors, CSRF and headers in each.
	 */
	public static final class ProloHttpSecurity {

		private final ProloSecurityProperties properties;

		private final List<ServiceAccessRules> rules;

		private final RequestMatcher bearer = new RequestHeaderRequestMatcher(HttpHeaders.AUTHORIZATION);

		private final RequestMatcher browser;

		private final ProblemResponses problems;

		private final ClientRegistrationRepository registrations;

		private final String serviceName;

		private final GroupsClaim groups;

		ProloHttpSecurity(ProloSecurityProperties properties, List<ServiceAccessRules> rules,
				ClientRegistrationRepository registrations, String serviceName) {
			this.properties = properties;
			this.rules = rules;
			this.registrations = registrations;
			this.serviceName = serviceName;
			this.groups = new GroupsClaim(properties.getGroupsClaim());
			var html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
			html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
			this.browser = new AndRequestMatcher(html, new NegatedRequestMatcher(this.bearer),
					new NegatedRequestMatcher(new RequestHeaderRequestMatcher("X-Requested-With", "XMLHttpRequest")));
			this.problems = new ProblemResponses(this.browser);
		}

		/**
		 * Everything shared, with the service's rules and then "signed in" for the rest.
		 */
		public HttpSecurity apply(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests(requests -> {
				requests
					.requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
							"/error")
					.permitAll();
				requests.requestMatchers("/actuator/prometheus")
					.hasAnyAuthority(Roles.scope(Roles.METRICS_READ), Roles.group(Roles.CLINIC_LEADS));
				requests.requestMatchers("/actuator/**").hasAuthority(Roles.group(Roles.CLINIC_LEADS));
				this.rules.forEach(rule -> rule.configure(requests));
				requests.anyRequest().authenticated();
			});
			return signIn(http);
		}

		/** Sign-in, errors, CSRF and headers, without authorization rules. */
		public HttpSecurity signIn(HttpSecurity http) throws Exception {
			var requestCache = new HttpSessionRequestCache();
			// Only a browser page is worth returning to after sign-in; saving API
			// requests would open a session for every unauthenticated call.
			requestCache.setRequestMatcher(this.browser);
			var csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
			csrfTokens.setCookieName("XSRF-TOKEN-" + cookieSuffix());
			http.oauth2ResourceServer(
					server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthorities(this.groups)))
						.authenticationEntryPoint(this.problems)
						.accessDeniedHandler(this.problems))
				.oauth2Login(login -> login.loginPage(ProblemResponses.SIGN_IN)
					.userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(oidcGroups(this.groups))))
				.logout(logout -> logout.logoutSuccessHandler(oidcLogout()))
				.requestCache(cache -> cache.requestCache(requestCache))
				.exceptionHandling(
						errors -> errors.authenticationEntryPoint(this.problems).accessDeniedHandler(this.problems))
				.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
					.csrfTokenRequestHandler(new FormOrHeaderCsrfTokens())
					.ignoringRequestMatchers(this.bearer))
				.addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
				.headers(headers -> headers
					.contentSecurityPolicy(csp -> csp.policyDirectives(this.properties.getContentSecurityPolicy()
							+ "; form-action 'self' " + this.properties.getBrowserUri()))
					.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
			return http;
		}

		/**
		 * Logout that also ends the identity service's session (OIDC RP-initiated
		 * logout).
		 */
		private OidcClientInitiatedLogoutSuccessHandler oidcLogout() {
			var handler = new OidcClientInitiatedLogoutSuccessHandler(this.registrations);
			handler.setPostLogoutRedirectUri("{baseUrl}/");
			return handler;
		}

		public RequestMatcher browserRequests() {
			return this.browser;
		}

		private String cookieSuffix() {
			return this.serviceName.toUpperCase(java.util.Locale.ROOT);
		}

	}

	static Converter<Jwt, ? extends org.springframework.security.authentication.AbstractAuthenticationToken> jwtAuthorities(
			GroupsClaim groupsClaim) {
		var scopes = new JwtGrantedAuthoritiesConverter();
		var converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(jwt -> {
			Collection<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
			groupsClaim.groups(jwt.getClaims())
				.forEach(group -> authorities.add(new SimpleGrantedAuthority(Roles.group(group))));
			return authorities;
		});
		return converter;
	}

	static GrantedAuthoritiesMapper oidcGroups(GroupsClaim groupsClaim) {
		return authorities -> {
			Set<GrantedAuthority> mapped = new HashSet<>(authorities);
			for (GrantedAuthority authority : authorities) {
				if (authority instanceof OidcUserAuthority oidc) {
					groupsClaim.groups(oidc.getAttributes())
						.forEach(name -> mapped.add(new SimpleGrantedAuthority(Roles.group(name))));
				}
			}
			return mapped;
		};
	}

}
