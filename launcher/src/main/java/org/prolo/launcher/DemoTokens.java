package org.prolo.launcher;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.prolo.platform.demosignin.DemoSignIn;
import org.prolo.platform.demosignin.DemoSignIn.Token;

/**
 * Access tokens of demo users and service clients from the launched identity service,
 * signed in once and signed in again shortly before they expire, so that a seed, a test
 * or a benchmark that outlasts one token keeps sending valid ones. Safe for many threads:
 * each user signs in at most once at a time.
 */
public final class DemoTokens {

	/**
	 * A token this close to its expiry is replaced: a request sent with it may reach the
	 * service after it expired.
	 */
	static final Duration RENEW_BEFORE = Duration.ofSeconds(60);

	/** Keeps client ids apart from user ids in the cache. */
	private static final String CLIENT = "client:";

	private final Function<String, Token> signIn;

	private final Clock clock;

	private final Map<String, Token> tokens = new ConcurrentHashMap<>();

	/**
	 * @param identityUrl the identity service as browsers reach it (its issuer)
	 */
	public DemoTokens(String identityUrl) {
		this(new DemoSignIn(identityUrl), Clock.systemUTC());
	}

	private DemoTokens(DemoSignIn identity, Clock clock) {
		this(key -> key.startsWith(CLIENT) ? identity.clientToken(clientId(key), clientId(key) + "-secret")
				: identity.signIn(key), clock);
	}

	/**
	 * For tests of the renewal: tokens come from {@code signIn}, time from {@code clock}.
	 */
	DemoTokens(Function<String, Token> signIn, Clock clock) {
		this.signIn = signIn;
		this.clock = clock;
	}

	/**
	 * The {@code Authorization} header value for a demo user (password = user id), e.g.
	 * {@code bearer("dr-ada")}.
	 * @throws DemoSignIn.SignInFailedException when the identity service refuses or
	 * cannot be reached
	 */
	public String bearer(String user) {
		return token(user).bearer();
	}

	/**
	 * The {@code Authorization} header value for a confidential client of the contract
	 * (secret {@code <client>-secret}), e.g. {@code clientBearer("prometheus")}.
	 */
	public String clientBearer(String clientId) {
		return token(CLIENT + clientId).bearer();
	}

	/** Forgets a user's token, so the next call signs in again (after a 401, say). */
	public void forget(String user) {
		tokens.remove(user);
	}

	Token token(String key) {
		Objects.requireNonNull(key, "user");
		Token current = tokens.get(key);
		if (fresh(current)) {
			// The common case under load, without the lock that a renewal takes.
			return current;
		}
		return tokens.compute(key, (user, cached) -> fresh(cached) ? cached : signIn.apply(user));
	}

	private boolean fresh(Token token) {
		return token != null && clock.instant().plus(RENEW_BEFORE).isBefore(token.expiresAt());
	}

	private static String clientId(String key) {
		return key.substring(CLIENT.length());
	}

}
