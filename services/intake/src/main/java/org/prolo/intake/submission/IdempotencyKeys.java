package org.prolo.intake.submission;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The Idempotency-Keys clients sent, each with the hash of its request and the referral
 * it created.
 */
@Repository
class IdempotencyKeys {

	private final JdbcClient jdbc;

	IdempotencyKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<IdempotentRequest> find(String key) {
		return jdbc.sql("select request_hash, referral_id from idempotency_key where idempotency_key = ?")
			.param(key)
			.query((rs, row) -> new IdempotentRequest(key, rs.getString("request_hash"), rs.getString("referral_id")))
			.optional();
	}

	/**
	 * @throws org.springframework.dao.DuplicateKeyException when a concurrent request
	 * took the key first
	 */
	void add(IdempotentRequest request, Instant at) {
		jdbc.sql("insert into idempotency_key (idempotency_key, request_hash, referral_id, created_at) "
				+ "values (?, ?, ?, ?)")
			.params(request.key(), request.requestHash(), request.referralId(), at.atOffset(ZoneOffset.UTC))
			.update();
	}

}
