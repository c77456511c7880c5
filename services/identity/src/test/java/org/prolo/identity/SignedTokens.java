package org.prolo.identity;

import java.text.ParseException;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks a JWT as a resource server would: RS256, signed by a key of the JWKS. */
final class SignedTokens {

	private SignedTokens() {
	}

	static JWTClaimsSet verified(String token, JWKSet keys) {
		try {
			SignedJWT jwt = SignedJWT.parse(token);
			assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
			JWK key = keys.getKeyByKeyId(jwt.getHeader().getKeyID());
			assertThat(key).as("the JWKS has the token's key " + jwt.getHeader().getKeyID()).isNotNull();
			assertThat(jwt.verify(new RSASSAVerifier(key.toRSAKey()))).as("signature verifies").isTrue();
			return jwt.getJWTClaimsSet();
		}
		catch (ParseException | JOSEException ex) {
			throw new AssertionError("Not a signed JWT", ex);
		}
	}

	static JWKSet jwks(String json) {
		try {
			return JWKSet.parse(json);
		}
		catch (ParseException ex) {
			throw new AssertionError("Not a JWK set: " + json, ex);
		}
	}

}
