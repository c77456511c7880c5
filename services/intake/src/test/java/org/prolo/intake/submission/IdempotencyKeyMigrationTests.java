package org.prolo.intake.submission;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.prolo.platform.events.LocalPostgres;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The migration that gives each physician their own Idempotency-Keys, on H2 and on the
 * local PostgreSQL server: a key stored before it still replays for the physician who
 * sent it, and another physician may then use the same key.
 */
class IdempotencyKeyMigrationTests {

	@Test
	void keysStoredBeforeBelongToTheirReferrerOnH2() {
		migrateKeepingEarlierKeys(new DriverManagerDataSource(
				"jdbc:h2:mem:keys-" + UUID.randomUUID()
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
				"sa", ""));
	}

	@Test
	void keysStoredBeforeBelongToTheirReferrerOnPostgres() {
		try (LocalPostgres database = LocalPostgres.createDatabase("prolo_intake_keys")) {
			migrateKeepingEarlierKeys(new DriverManagerDataSource(database.jdbcUrl(), LocalPostgres.username(),
					LocalPostgres.password()));
		}
	}

	private static void migrateKeepingEarlierKeys(DataSource dataSource) {
		Flyway.configure().dataSource(dataSource).target("2").load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		insertReferral(jdbc, "R-ada-1", "dr-ada");
		jdbc.sql("insert into idempotency_key (idempotency_key, request_hash, referral_id, created_at) "
				+ "values ('ref-1001', 'hash-1', 'R-ada-1', ?)")
			.param(Instant.parse("2025-01-15T09:30:00Z").atOffset(ZoneOffset.UTC))
			.update();

		Flyway.configure().dataSource(dataSource).load().migrate();

		var keys = new IdempotencyKeys(jdbc);
		assertThat(keys.find("dr-ada", "ref-1001"))
			.contains(new IdempotentRequest("dr-ada", "ref-1001", "hash-1", "R-ada-1"));
		assertThat(keys.find("dr-ben", "ref-1001")).isEmpty();
		insertReferral(jdbc, "R-ben-1", "dr-ben");
		keys.add(new IdempotentRequest("dr-ben", "ref-1001", "hash-2", "R-ben-1"), Instant.now());
		assertThat(keys.find("dr-ben", "ref-1001")).map(IdempotentRequest::referralId).contains("R-ben-1");
		assertThat(keys.find("dr-ada", "ref-1001")).map(IdempotentRequest::referralId).contains("R-ada-1");
		assertThatThrownBy(
				() -> keys.add(new IdempotentRequest("dr-ada", "ref-1001", "hash-3", "R-ben-1"), Instant.now()))
			.isInstanceOf(DuplicateKeyException.class);
	}

	private static void insertReferral(JdbcClient jdbc, String id, String referrerId) {
		var now = Instant.parse("2025-01-15T09:30:00Z").atOffset(ZoneOffset.UTC);
		jdbc.sql("""
				insert into referral (id, referrer_id, referrer_name, referrer_email, patient_pseudonym, patient_name,
				  patient_birth_date, patient_address, condition_code, body_site, pain_duration_months,
				  prior_conservative_care, anticoagulated, allergy_to_injectate, pregnant, uncontrolled_diabetes,
				  active_infection_at_site, malignancy_at_site, urgency, submitted_at, status, updated_at)
				values (?, ?, 'Dr', 'dr@referrers.example', 'P-00000000', 'Demo Patient 1', date '1970-01-01',
				  '1 Demo Street', 'KNEE_OSTEOARTHRITIS', 'left knee', 9, true, false, false, false, false, false,
				  false, 'ROUTINE', ?, 'SUBMITTED', ?)""").params(id, referrerId, now, now).update();
	}

}
