package org.prolo.intake.referral.storage;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Key rotation's last step, at every start before intake reports ready: patient values
 * still under a key other than the active one are decrypted with the key they name and
 * encrypted again with the active key, a batch per transaction with the rows locked. A
 * value that cannot be decrypted stops the start with the referral, column and key named.
 * Once it has run, the old key can be removed from the configuration.
 */
@Component
@ConditionalOnProperty(name = PatientDataProperties.PREFIX + ".re-encrypt-on-startup", havingValue = "true",
		matchIfMissing = true)
class ReEncryptingPatientData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ReEncryptingPatientData.class);

	static final int BATCH = 100;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final PatientDataCipher cipher;

	ReEncryptingPatientData(JdbcClient jdbc, TransactionTemplate transactions, PatientDataCipher cipher) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.cipher = cipher;
	}

	@Override
	public void run(ApplicationArguments args) {
		int total = 0;
		int batch;
		do {
			batch = transactions.execute(status -> reEncryptBatch());
			total += batch;
		}
		while (batch == BATCH);
		if (total > 0) {
			log.info("Re-encrypted the patient data of {} referral(s) with key '{}'", total, cipher.activeKeyId());
		}
	}

	/** Re-encrypts up to {@link #BATCH} referrals and returns how many. */
	int reEncryptBatch() {
		String current = PatientDataCipher.VERSION + ":" + cipher.activeKeyId() + ":%";
		List<StoredPatient> stale = jdbc
			.sql("select id, patient_name, patient_birth_date, patient_address from referral "
					+ "where patient_name not like :current or patient_birth_date not like :current "
					+ "or patient_address not like :current order by id fetch first " + BATCH + " rows only for update")
			.param("current", current)
			.query((rs, row) -> new StoredPatient(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
		for (StoredPatient row : stale) {
			jdbc.sql("update referral set patient_name = :name, patient_birth_date = :birthDate, "
					+ "patient_address = :address where id = :id")
				.param("id", row.id())
				.param("name", reEncrypt(row.name(), row.id(), PatientColumns.NAME))
				.param("birthDate", reEncrypt(row.birthDate(), row.id(), PatientColumns.BIRTH_DATE))
				.param("address", reEncrypt(row.address(), row.id(), PatientColumns.ADDRESS))
				.update();
		}
		return stale.size();
	}

	private String reEncrypt(String stored, String referralId, String column) {
		if (cipher.isUnderActiveKey(stored)) {
			return stored;
		}
		return cipher.encrypt(cipher.decrypt(stored, referralId, column), referralId, column);
	}

	private record StoredPatient(String id, String name, String birthDate, String address) {

		@Override
		public String toString() {
			return "StoredPatient[" + id + "]";
		}

	}

}
