package org.prolo.identity.server;

import org.prolo.identity.IdentityProperties;
import org.prolo.identity.claims.DirectoryClaims;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/** The authorization server's endpoints, with OpenID Connect and the fixed issuer. */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerSecurityFilterChain(HttpSecurity http, DirectoryClaims claims,
			OAuth2AuthorizationService authorizations) throws Exception {
		OAuth2AuthorizationServerConfigurer authorizationServer = OAuth2AuthorizationServerConfigurer
			.authorizationServer();
		http.securityMatcher(authorizationServer.getEndpointsMatcher())
			.with(authorizationServer,
					(server) -> server
						.tokenEndpoint((token) -> token.accessTokenRequestConverter(new RegisteredScopesByDefault()))
						.oidc((oidc) -> oidc.userInfoEndpoint((userInfo) -> userInfo.userInfoMapper(claims::userInfo))
							.logoutEndpoint((logout) -> logout
								.logoutResponseHandler(new SignOutEndsTheAuthorization(authorizations)))))
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			// A browser (or the programmatic sign-in, which asks for HTML) that is not
			// signed in goes to the login form; other callers get a 401.
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
		return http.build();
	}

	/**
	 * A fixed issuer rather than one derived from each request: docker-compose's services
	 * fetch keys from http://identity:9000 while browsers and the tokens' {@code iss} say
	 * http://localhost:9000, and the resource servers check {@code iss} against one
	 * string.
	 */
	@Bean
	AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
		return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
	}

}
