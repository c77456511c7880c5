package org.prolo.intake.referral.storage;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.prolo.intake.referral.Patient;
import org.prolo.intake.referral.Referral;
import org.prolo.intake.referral.ReferralDraft;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The patient columns on a real database, migrated by Flyway as intake migrates it: rows
 * stored in plain text before encryption existed are encrypted by the migration, rotation
 * re-encrypts under the new key, and the raw columns never hold the plain values.
 */
abstract class PatientDataStorageContract {

	static final PatientDataCipher KEY_A = new PatientDataCipher(Map.of("a", PatientDataCipherTests.KEY_A), "a");

	static final PatientDataCipher KEYS_A_AND_B = new PatientDataCipher(
			Map.of("a", PatientDataCipherTests.KEY_A, "b", PatientDataCipherTests.KEY_B), "b");

	static final PatientDataCipher KEY_B = new PatientDataCipher(Map.of("b", PatientDataCipherTests.KEY_B), "b");

	abstract DataSource dataSource();

	@Test
	void plainRowsOfAnEarlierVersionAreEncryptedByTheMigration() {
		flyway(KEY_A).target("2").load().migrate();
		JdbcTemplate sql = new JdbcTemplate(dataSource());
		insertPlain(sql, "R-plain-1", "Zoë Plain", LocalDate.of(1961, 2, 3), "7 Old Road");
		insertPlain(sql, "R-plain-2", "Max Plain", LocalDate.of(1999, 12, 31), "9 Old Road");

		flyway(KEY_A).load().migrate();

		assertThat(rawPatientValues(sql)).hasSize(6)
			.allSatisfy(value -> assertThat(value).startsWith("v1:a:"))
			.noneMatch(value -> value.contains("Plain") || value.contains("Old Road") || value.contains("1961"));
		JdbcReferrals referrals = referrals(KEY_A);
		assertThat(referrals.findById("R-plain-1").orElseThrow().patient())
			.isEqualTo(new Patient("P-00000000", "Zoë Plain", LocalDate.of(1961, 2, 3), "7 Old Road"));
		assertThat(referrals.findById("R-plain-2").orElseThrow().patient().birthDate())
			.isEqualTo(LocalDate.of(1999, 12, 31));
	}

	@Test
	void storesOnlyCiphertextAndReadsThePatientBack() {
		flyway(KEY_A).load().migrate();
		JdbcReferrals referrals = referrals(KEY_A);

		referrals.add(referral("R-new"));

		assertThat(rawPatientValues(new JdbcTemplate(dataSource()))).hasSize(3)
			.allSatisfy(value -> assertThat(value).startsWith("v1:a:"))
			.noneMatch(
					value -> value.contains("Demo Patient") || value.contains("1970") || value.contains("Demo Street"));
		assertThat(referrals.findById("R-new").orElseThrow().patient())
			.isEqualTo(new Patient("P-00000000", "Demo Patient 1", LocalDate.of(1970, 1, 1), "1 Demo Street"));
	}

	@Test
	void aValueCopiedFromAnotherReferralIsRefusedNotShown() {
		flyway(KEY_A).load().migrate();
		JdbcReferrals referrals = referrals(KEY_A);
		referrals.add(referral("R-victim"));
		referrals.add(referral("R-thief"));
		JdbcTemplate sql = new JdbcTemplate(dataSource());
		sql.update("update referral set patient_address = (select patient_address from referral where id = 'R-victim') "
				+ "where id = 'R-thief'");

		assertThatThrownBy(() -> referrals.findById("R-thief")).isInstanceOf(PatientDataUnreadableException.class)
			.hasMessageContaining("R-thief")
			.hasMessageContaining("patient_address");
	}

	@Test
	void rotationReEncryptsEveryRowUnderTheNewKeySoTheOldOneCanGo() {
		flyway(KEY_A).load().migrate();
		JdbcReferrals underA = referrals(KEY_A);
		int count = ReEncryptingPatientData.BATCH + 5;
		for (int i = 0; i < count; i++) {
			underA.add(referral("R-rot-" + i));
		}

		new ReEncryptingPatientData(JdbcClient.create(dataSource()),
				new TransactionTemplate(new DataSourceTransactionManager(dataSource())), KEYS_A_AND_B)
			.run(null);

		assertThat(rawPatientValues(new JdbcTemplate(dataSource()))).hasSize(3 * count)
			.allSatisfy(value -> assertThat(value).startsWith("v1:b:"));
		assertThat(referrals(KEY_B).findById("R-rot-0").orElseThrow().patient().name()).isEqualTo("Demo Patient 1");
		assertThat(referrals(KEY_B).findById("R-rot-" + (count - 1)).orElseThrow().patient().address())
			.isEqualTo("1 Demo Street");
	}

	@Test
	void rotationStopsAtAValueUnderAKeyNoLongerConfigured() {
		flyway(KEY_A).load().migrate();
		referrals(KEY_A).add(referral("R-orphan"));

		assertThatThrownBy(() -> new ReEncryptingPatientData(JdbcClient.create(dataSource()),
				new TransactionTemplate(new DataSourceTransactionManager(dataSource())), KEY_B)
			.run(null)).isInstanceOf(PatientDataUnreadableException.class)
			.hasMessageContaining("R-orphan")
			.hasMessageContaining("key 'a', which is not configured");
		assertThat(rawPatientValues(new JdbcTemplate(dataSource())))
			.allSatisfy(value -> assertThat(value).startsWith("v1:a:"));
	}

	private FluentConfiguration flyway(PatientDataCipher cipher) {
		return Flyway.configure()
			.dataSource(dataSource())
			.locations("classpath:db/migration")
			.javaMigrations(new EncryptingExistingPatientData(cipher));
	}

	private JdbcReferrals referrals(PatientDataCipher cipher) {
		return new JdbcReferrals(JdbcClient.create(dataSource()), Clock.systemUTC(), cipher);
	}

	private static List<String> rawPatientValues(JdbcTemplate sql) {
		return sql
			.query("select patient_name, patient_birth_date, patient_address from referral",
					(rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
			.stream()
			.flatMap(List::stream)
			.toList();
	}

	private static Referral referral(String id) {
		return Referral.submit(id,
				new ReferralDraft("dr-ada", "Dr Ada", "ada@referrers.example", null, "Demo Patient 1",
						LocalDate.of(1970, 1, 1), "1 Demo Street", "KNEE_OSTEOARTHRITIS", "left knee", 9, true, false,
						false, false, false, false, false, "ROUTINE", null),
				"P-00000000", Instant.now());
	}

	/** A row as intake before encryption stored it. */
	private static void insertPlain(JdbcTemplate sql, String id, String name, LocalDate birthDate, String address) {
		sql.update("insert into referral (id, referrer_id, referrer_name, referrer_email, patient_pseudonym, "
				+ "patient_name, patient_birth_date, patient_address, condition_code, body_site, pain_duration_months, "
				+ "prior_conservative_care, anticoagulated, allergy_to_injectate, pregnant, uncontrolled_diabetes, "
				+ "active_infection_at_site, malignancy_at_site, urgency, submitted_at, status, updated_at) values "
				+ "(?, 'dr-ada', 'Dr Ada', 'ada@referrers.example', 'P-00000000', ?, ?, ?, 'KNEE_OSTEOARTHRITIS', "
				+ "'left knee', 9, true, false, false, false, false, false, false, 'ROUTINE', current_timestamp, "
				+ "'SUBMITTED', current_timestamp)", id, name, birthDate, address);
	}

}
