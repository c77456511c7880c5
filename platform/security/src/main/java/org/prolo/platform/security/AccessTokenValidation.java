package org.prolo.platform.security;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * What a bearer token must be to be accepted: signed by the provider (the decoder checks
 * that), from the configured issuer, unexpired, meant for this service ({@code aud} holds
 * one of the configured audiences) and an access token, not an ID token.
 * <p>
 * ID tokens are told apart by claims only an ID token carries: {@code nonce},
 * {@code at_hash} and {@code c_hash} (OpenID Connect Core 2 and 3), and Keycloak's
 * {@code typ} claim {@code ID}. The {@code typ} header is not relied on because most
 * providers (Spring Authorization Server, Entra ID, Keycloak) write {@code JWT} in both
 * kinds of token, and {@code auth_time} is not an ID-token marker because RFC 9068 allows
 * it in access tokens. An ID token nevertheless names the client it was issued to as its
 * audience, so the audience rule refuses it as long as no client id is configured as an
 * audience.
 */
public final class AccessTokenValidation {

	static final Set<String> ID_TOKEN_CLAIMS = Set.of("nonce", "at_hash", "c_hash");

	private AccessTokenValidation() {
	}

	/** The validator the services' decoders use, and the test-jar's too. */
	public static OAuth2TokenValidator<Jwt> validator(ProloSecurityProperties properties) {
		return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(properties.getIssuer()),
				audience(properties.getAudiences()), AccessTokenValidation::notAnIdToken);
	}

	static OAuth2TokenValidator<Jwt> audience(List<String> accepted) {
		List<String> audiences = List.copyOf(accepted);
		return jwt -> {
			List<String> tokenAudiences = jwt.getAudience();
			if (tokenAudiences != null && tokenAudiences.stream().anyMatch(audiences::contains)) {
				return OAuth2TokenValidatorResult.success();
			}
			return invalid("The token is not meant for this service (" + JwtClaimNames.AUD + ")");
		};
	}

	static OAuth2TokenValidatorResult notAnIdToken(Jwt jwt) {
		Map<String, Object> claims = jwt.getClaims();
		boolean idToken = ID_TOKEN_CLAIMS.stream().anyMatch(claims::containsKey)
				|| "ID".equalsIgnoreCase(String.valueOf(claims.get("typ")));
		return idToken ? invalid("An ID token is not an access token") : OAuth2TokenValidatorResult.success();
	}

	private static OAuth2TokenValidatorResult invalid(String description) {
		return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
	}

}
