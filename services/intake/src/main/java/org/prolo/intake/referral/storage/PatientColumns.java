package org.prolo.intake.referral.storage;

import java.util.List;

/**
 * The {@code referral} columns that hold the patient's identifying data, encrypted; their
 * names are also part of each value's associated data.
 */
final class PatientColumns {

	static final String NAME = "patient_name";

	static final String BIRTH_DATE = "patient_birth_date";

	static final String ADDRESS = "patient_address";

	static final List<String> ALL = List.of(NAME, BIRTH_DATE, ADDRESS);

	private PatientColumns() {
	}

}
