package org.prolo.identity.authorizations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the authorizations that can no longer be used: none of their codes and tokens
 * is valid any more. Spring Authorization Server never deletes them by itself, so without
 * this the table would grow with every sign-in and every client-credentials token. One
 * that never got a code or token (a consent or sign-in still under way) is kept for an
 * hour after it was created. Idempotent, so several nodes may run it at once.
 */
@Component
public class ExpiredAuthorizations {

	/** Longer than any sign-in a person is still in the middle of. */
	static final Duration UNFINISHED_LIFETIME = Duration.ofHours(1);

	private static final Logger log = LoggerFactory.getLogger(ExpiredAuthorizations.class);

	private static final String[] EXPIRIES = { "authorization_code_expires_at", "access_token_expires_at",
			"oidc_id_token_expires_at", "refresh_token_expires_at", "user_code_expires_at", "device_code_expires_at" };

	private static final String DELETE;

	static {
		StringBuilder sql = new StringBuilder("delete from oauth2_authorization where created_at < ?");
		for (String expiry : EXPIRIES) {
			sql.append(" and (").append(expiry).append(" is null or ").append(expiry).append(" <= ?)");
		}
		DELETE = sql.toString();
	}

	private final JdbcOperations jdbc;

	private final Clock clock;

	ExpiredAuthorizations(JdbcOperations jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${prolo.identity.authorizations.clean-up-interval:10m}",
			fixedDelayString = "${prolo.identity.authorizations.clean-up-interval:10m}")
	void removeOnSchedule() {
		int removed = removeExpired();
		if (removed > 0) {
			log.info("Removed {} expired authorization(s)", removed);
		}
	}

	/** Deletes what has expired by now; returns how many. */
	public int removeExpired() {
		return removeExpiredAt(this.clock.instant());
	}

	/** Deletes what has expired at the given instant; returns how many. */
	public int removeExpiredAt(Instant now) {
		Object[] parameters = new Object[EXPIRIES.length + 1];
		parameters[0] = Timestamp.from(now.minus(UNFINISHED_LIFETIME));
		for (int i = 1; i < parameters.length; i++) {
			parameters[i] = Timestamp.from(now);
		}
		return this.jdbc.update(DELETE, parameters);
	}

}
