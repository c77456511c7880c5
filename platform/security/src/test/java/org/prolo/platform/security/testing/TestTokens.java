package org.prolo.platform.security.testing;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.prolo.platform.security.AccessTokenValidation;
import org.prolo.platform.security.ProloSecurityProperties;
import org.prolo.platform.security.Roles;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Signed access tokens for service tests, shaped like the identity service's (sub, iss,
 * aud with {@link #AUDIENCE}, groups, scope; a person's also name and email, see
 * {@link #nameOf} and {@link #emailOf}), and a decoder that trusts this key instead of
 * fetching the identity service's JWKS. Everything else (signature, issuer, expiry and
 * audience checks, the refusal of ID tokens, the group mapping and the access rules) runs
 * as in production. Import {@link Decoder} in the test.
 */
public final class TestTokens {

	private static final RSAKey KEY = generate();

	/** The identity service's demo users' names and addresses. */
	private static final Map<String, String[]> DEMO_USERS = Map.of("dr-ada",
			new String[] { "Dr Ada Lovelace", "ada@referrers.example" }, "dr-ben",
			new String[] { "Dr Ben Okafor", "ben@referrers.example" }, "ingrid",
			new String[] { "Ingrid", "ingrid@clinic.example" }, "carl", new String[] { "Carl", "carl@clinic.example" },
			"clara", new String[] { "Clara", "clara@clinic.example" }, "leo",
			new String[] { "Leo", "leo@clinic.example" }, "demo", new String[] { "Demo Admin", "demo@clinic.example" });

	/**
	 * The audience the services accept by default and the identity service puts in every
	 * access token.
	 */
	public static final String AUDIENCE = new ProloSecurityProperties().getAudiences().get(0);

	private TestTokens() {
	}

	public static String physician(String id) {
		return user(id, Roles.PHYSICIAN);
	}

	/** A person in the given groups. */
	public static String user(String id, String... groups) {
		return bearer(id, Arrays.asList(groups), List.of(), Instant.now().plusSeconds(600));
	}

	/**
	 * A person with the given name and e-mail address claims (either null to leave the
	 * claim out).
	 */
	public static String person(String id, String name, String email, String... groups) {
		var claims = new JWTClaimsSet.Builder(
				claims(id, Arrays.asList(groups), List.of(), Instant.now().plusSeconds(600)));
		claims.claim("name", null).claim("email", null);
		if (name != null) {
			claims.claim("name", name);
		}
		if (email != null) {
			claims.claim("email", email);
		}
		return sign(claims.build(), KEY);
	}

	/**
	 * The {@code name} claim of a person's token: the demo user's name, else "Dr " and
	 * the id.
	 */
	public static String nameOf(String id) {
		return DEMO_USERS.containsKey(id) ? DEMO_USERS.get(id)[0] : "Dr " + id;
	}

	/**
	 * The {@code email} claim of a person's token: the demo user's address, else the id
	 * at referrers.example.
	 */
	public static String emailOf(String id) {
		return DEMO_USERS.containsKey(id) ? DEMO_USERS.get(id)[1] : id + "@referrers.example";
	}

	/** A service client with the given scopes. */
	public static String client(String clientId, String... scopes) {
		return bearer(clientId, List.of(), Arrays.asList(scopes), Instant.now().plusSeconds(600));
	}

	/** A person whose token expired a minute ago. */
	public static String expired(String id, String... groups) {
		return bearer(id, Arrays.asList(groups), List.of(), Instant.now().minusSeconds(60));
	}

	/** Signed by a key the service does not trust. */
	public static String forged(String id, String... groups) {
		return sign(claims(id, Arrays.asList(groups), List.of(), Instant.now().plusSeconds(600)), generate());
	}

	/** A person's access token issued for another audience (another service's). */
	public static String forAudience(String audience, String id, String... groups) {
		var claims = new JWTClaimsSet.Builder(
				claims(id, Arrays.asList(groups), List.of(), Instant.now().plusSeconds(600)));
		return sign(claims.audience(audience).build(), KEY);
	}

	/**
	 * An ID token as the identity service issues it at browser sign-in: for the client
	 * (aud = its id, azp), with nonce, sid and auth_time.
	 */
	public static String idToken(String clientId, String id, String... groups) {
		var claims = new JWTClaimsSet.Builder(
				claims(id, Arrays.asList(groups), List.of(), Instant.now().plusSeconds(600)));
		return sign(claims.audience(clientId)
			.claim("azp", clientId)
			.claim("nonce", UUID.randomUUID().toString())
			.claim("sid", UUID.randomUUID().toString())
			.claim("auth_time", new Date())
			.build(), KEY);
	}

	/**
	 * Any claims, signed by the key the service trusts: for tokens of other providers'
	 * shapes. The claims are taken as they are (no iss, exp or aud added).
	 */
	public static String signed(JWTClaimsSet claims) {
		return sign(claims, KEY);
	}

	/**
	 * The trusted public key as a JWK Set document, as a provider's jwks endpoint serves
	 * it.
	 */
	public static String publicJwkSet() {
		return new JWKSet(KEY.toPublicJWK()).toString();
	}

	public static String bearer(String subject, List<String> groups, List<String> scopes, Instant expiresAt) {
		return sign(claims(subject, groups, scopes, expiresAt), KEY);
	}

	private static JWTClaimsSet claims(String subject, List<String> groups, List<String> scopes, Instant expiresAt) {
		var claims = new JWTClaimsSet.Builder().subject(subject)
			.issuer(new ProloSecurityProperties().getIssuer())
			.audience(AUDIENCE)
			.issueTime(Date.from(expiresAt.minusSeconds(600)))
			.expirationTime(Date.from(expiresAt))
			.jwtID(UUID.randomUUID().toString());
		if (!groups.isEmpty()) {
			claims.claim("groups", groups).claim("name", nameOf(subject)).claim("email", emailOf(subject));
		}
		if (!scopes.isEmpty()) {
			claims.claim("scope", String.join(" ", scopes));
		}
		return claims.build();
	}

	private static String sign(JWTClaimsSet claims, RSAKey key) {
		try {
			var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
			jwt.sign(new RSASSASigner(key));
			return "Bearer " + jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey generate() {
		try {
			return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Makes the service trust {@link TestTokens} with the production validators. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Decoder {

		@Bean
		JwtDecoder testTokensDecoder(ProloSecurityProperties properties) throws JOSEException {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(KEY.toRSAPublicKey()).build();
			decoder.setJwtValidator(AccessTokenValidation.validator(properties));
			return decoder;
		}

	}

}
