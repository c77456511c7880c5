package org.prolo.identity.claims;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.prolo.identity.IdentityProperties;
import org.prolo.identity.directory.Directory;
import org.prolo.identity.directory.DirectoryUser;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Adds a user's {@code groups}, {@code name} and {@code email} to the access token and
 * the ID token, and answers userinfo from the directory. A client-credentials token
 * describes a client, not a person: its {@code sub} is the client id and it carries
 * scopes only. Every access token, a client's too, names the product's audience beside
 * its client: the services accept no token without it, so an ID token (whose audience is
 * only the client) is no access token to them.
 */
@Component
public class DirectoryClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	public static final String GROUPS = "groups";

	private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

	private final Directory directory;

	private final String audience;

	public DirectoryClaims(Directory directory, IdentityProperties properties) {
		this.directory = directory;
		this.audience = properties.audience();
	}

	@Override
	public void customize(JwtEncodingContext context) {
		if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			context.getClaims().claims(this::addAudience);
		}
		if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
			return;
		}
		if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType()) && !ID_TOKEN.equals(context.getTokenType())) {
			return;
		}
		// An ArrayList, not the directory's immutable list: the token's claims are stored
		// with the authorization as JSON, and Spring Security reads back only allowlisted
		// types.
		user(context.getPrincipal().getName()).ifPresent((user) -> context.getClaims()
			.claim(GROUPS, new ArrayList<>(user.groups()))
			.claim(StandardClaimNames.NAME, user.name())
			.claim(StandardClaimNames.EMAIL, user.email()));
	}

	/**
	 * Userinfo for the access token's user. {@code name} and {@code email} follow the
	 * standard scopes profile and email; {@code groups} is always there, as in the
	 * tokens, since it is what the services authorize by.
	 */
	public OidcUserInfo userInfo(OidcUserInfoAuthenticationContext context) {
		String id = context.getAuthorization().getPrincipalName();
		OAuth2AccessToken accessToken = context.getAccessToken();
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put(StandardClaimNames.SUB, id);
		user(id).ifPresent((user) -> {
			if (accessToken.getScopes().contains(OidcScopes.PROFILE)) {
				claims.put(StandardClaimNames.NAME, user.name());
			}
			if (accessToken.getScopes().contains(OidcScopes.EMAIL)) {
				claims.put(StandardClaimNames.EMAIL, user.email());
			}
			claims.put(GROUPS, user.groups());
		});
		return new OidcUserInfo(claims);
	}

	private void addAudience(Map<String, Object> claims) {
		// An ArrayList for the same reason as the groups'.
		List<String> audiences = new ArrayList<>();
		Object issuedFor = claims.get(JwtClaimNames.AUD);
		if (issuedFor instanceof Collection<?> names) {
			names.forEach((name) -> audiences.add(name.toString()));
		}
		else if (issuedFor != null) {
			audiences.add(issuedFor.toString());
		}
		if (!audiences.contains(this.audience)) {
			audiences.add(this.audience);
		}
		claims.put(JwtClaimNames.AUD, audiences);
	}

	private Optional<DirectoryUser> user(String id) {
		return this.directory.find(id);
	}

}
