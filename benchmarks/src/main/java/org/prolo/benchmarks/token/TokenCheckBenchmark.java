package org.prolo.benchmarks.token;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The access-token check each API call makes, as platform/security's decoder does it: an
 * RS256 token of the identity service's shape (2048-bit key, issuer, audience, groups),
 * its key found by its id in the JWK set the decoder has cached (the cache hit every call
 * but the first), the signature verified and the claims validated. Compared with parsing
 * alone, to show what the signature costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenCheckBenchmark {

	private static final String ISSUER = "http://localhost:9000";

	private NimbusJwtDecoder decoder;

	private String token;

	@Setup
	public void setUp() throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
				new JWTClaimsSet.Builder().issuer(ISSUER)
					.subject("dr-ada")
					.audience(List.of("intake", "workflow"))
					.issueTime(new Date())
					.notBeforeTime(new Date())
					.expirationTime(Date.from(Instant.now().plusSeconds(3600)))
					.claim("scope", List.of("openid", "profile"))
					.claim("groups", List.of("physician"))
					.claim("name", "Dr Ada Lovelace")
					.jwtID(UUID.randomUUID().toString())
					.build());
		jwt.sign(new RSASSASigner(key));
		token = jwt.serialize();
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
				new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK()))));
		// Spring validates the claims itself (below), as NimbusJwtDecoder.withJwkSetUri
		// builds it.
		processor.setJWTClaimsSetVerifier((claims, context) -> {
		});
		decoder = new NimbusJwtDecoder(processor);
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
	}

	/** What every API call pays: parse, select the key, verify RS256, validate. */
	@Benchmark
	public Jwt decodeAndVerify() {
		return decoder.decode(token);
	}

	/** The parse alone (no signature check), for comparison. */
	@Benchmark
	public Object parseOnly() throws Exception {
		return SignedJWT.parse(token).getJWTClaimsSet();
	}

	/**
	 * CPU microseconds per check and per parse, from this thread's CPU time over
	 * {@code calls} calls after as many unmeasured ones: unlike JMH's wall-clock average,
	 * not inflated by waiting for a core on a loaded machine.
	 */
	public static double[] cpuMicrosPerCall(int calls) throws Exception {
		TokenCheckBenchmark benchmark = new TokenCheckBenchmark();
		benchmark.setUp();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		double[] micros = new double[2];
		for (int round = 0; round < 2; round++) {
			for (int which = 0; which < 2; which++) {
				long started = threads.getCurrentThreadCpuTime();
				for (int i = 0; i < calls; i++) {
					Object result = (which == 0) ? benchmark.decodeAndVerify() : benchmark.parseOnly();
					if (result == null) {
						throw new IllegalStateException("no result");
					}
				}
				micros[which] = (threads.getCurrentThreadCpuTime() - started) / 1000.0 / calls;
			}
		}
		return micros;
	}

}
