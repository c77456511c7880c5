package org.prolo.intake.referral.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Flyway migration 3: the patient columns become text wide enough for ciphertext, and the
 * rows stored in plain text before it (a local demo's H2 files, an existing PostgreSQL
 * database) are encrypted with the active key, in the same transaction on PostgreSQL.
 * After it every patient value is ciphertext, so reading never has to guess whether a
 * value is plain. A Java migration because it needs the key; Spring Boot hands Flyway
 * every {@link JavaMigration} bean.
 */
class EncryptingExistingPatientData implements JavaMigration {

	private final PatientDataCipher cipher;

	EncryptingExistingPatientData(PatientDataCipher cipher) {
		this.cipher = cipher;
	}

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("3");
	}

	@Override
	public String getDescription() {
		return "encrypt patient data";
	}

	@Override
	public Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		// Read before the type change: PostgreSQL would turn a date into text in the
		// server's DateStyle, which need not be ISO.
		List<PlainPatient> plain = new ArrayList<>();
		try (Statement select = connection.createStatement();
				ResultSet rs = select
					.executeQuery("select id, patient_name, patient_birth_date, patient_address from referral")) {
			while (rs.next()) {
				plain.add(new PlainPatient(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
						rs.getString(4)));
			}
		}
		try (Statement alter = connection.createStatement()) {
			// 200 characters of name, 500 of address at up to 3 UTF-8 bytes each, plus
			// nonce, tag, base64 and the "v1:<keyId>:" prefix.
			alter.execute("alter table referral alter column patient_name set data type varchar(1000)");
			alter.execute("alter table referral alter column patient_birth_date set data type varchar(200)");
			alter.execute("alter table referral alter column patient_address set data type varchar(2400)");
		}
		try (PreparedStatement update = connection.prepareStatement(
				"update referral set patient_name = ?, patient_birth_date = ?, patient_address = ? where id = ?")) {
			for (PlainPatient row : plain) {
				update.setString(1, cipher.encrypt(row.name(), row.id(), PatientColumns.NAME));
				update.setString(2, cipher.encrypt(row.birthDate().toString(), row.id(), PatientColumns.BIRTH_DATE));
				update.setString(3, cipher.encrypt(row.address(), row.id(), PatientColumns.ADDRESS));
				update.setString(4, row.id());
				update.addBatch();
			}
			update.executeBatch();
		}
	}

	private record PlainPatient(String id, String name, LocalDate birthDate, String address) {

		@Override
		public String toString() {
			return "PlainPatient[" + id + "]";
		}

	}

}
