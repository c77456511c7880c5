package org.prolo.intake.submission;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The Idempotency-Keys physicians sent, each with the hash of its request and the
 * referral it created. A key belongs to the physician who sent it: two physicians' keys
 * never meet, however alike (clients generate them, and a placer's order number is unique
 * only within its own system).
 */
@Repository
class IdempotencyKeys {

	private final JdbcClient jdbc;

	IdempotencyKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<IdempotentRequest> find(String referrerId, String key) {
		return jdbc
			.sql("select request_hash, referral_id from idempotency_key where referrer_id = ? and idempotency_key = ?")
			.params(referrerId, key)
			.query((rs, row) -> new IdempotentRequest(referrerId, key, rs.getString("request_hash"),
					rs.getString("referral_id")))
			.optional();
	}

	/**
	 * @throws org.springframework.dao.DuplicateKeyException when a concurrent request of
	 * the same physician took the key first
	 */
	void add(IdempotentRequest request, Instant at) {
		jdbc.sql("insert into idempotency_key (referrer_id, idempotency_key, request_hash, referral_id, created_at) "
				+ "values (?, ?, ?, ?, ?)")
			.params(request.referrerId(), request.key(), request.requestHash(), request.referralId(),
					at.atOffset(ZoneOffset.UTC))
			.update();
	}

}
