package org.prolo.identity.signin;

import java.util.Locale;

import org.prolo.identity.throttle.FailedSignInThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The login form's password check behind the throttles: a user name or an address that
 * failed too often recently is refused before its password is looked at. Every failure
 * counts for both, whether or not the user exists, so the answer tells nobody which user
 * names are real.
 */
class ThrottledSignIn implements AuthenticationProvider {

	private static final Logger log = LoggerFactory.getLogger(ThrottledSignIn.class);

	/**
	 * @param users per user name
	 * @param sources per address the sign-in came from
	 */
	record Throttles(FailedSignInThrottle users, FailedSignInThrottle sources) {
	}

	/**
	 * What the login page shows: the same for a locked-out user and a locked-out address.
	 */
	static final String REFUSED = "Too many failed sign-ins. Try again later.";

	private final AuthenticationProvider passwords;

	private final Throttles throttles;

	ThrottledSignIn(AuthenticationProvider passwords, Throttles throttles) {
		this.passwords = passwords;
		this.throttles = throttles;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String user = userKey(authentication.getName());
		String source = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : null;
		if (this.throttles.users().isLockedOut(user)
				|| (source != null && this.throttles.sources().isLockedOut(source))) {
			throw new SignInThrottledException(REFUSED);
		}
		try {
			Authentication signedIn = this.passwords.authenticate(authentication);
			this.throttles.users().succeeded(user);
			return signedIn;
		}
		catch (BadCredentialsException ex) {
			if (this.throttles.users().failed(user)) {
				log.warn("Sign-in locked out for a user name after repeated failures");
			}
			if (source != null && this.throttles.sources().failed(source)) {
				log.warn("Sign-in locked out for address {} after repeated failures", source);
			}
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.passwords.supports(authentication);
	}

	/** As the directory compares user ids: regardless of case. */
	private static String userKey(String name) {
		return (name != null) ? name.toLowerCase(Locale.ROOT) : "";
	}

	/** A refusal that checked no password. */
	static final class SignInThrottledException extends AuthenticationException {

		SignInThrottledException(String message) {
			super(message);
		}

	}

}
