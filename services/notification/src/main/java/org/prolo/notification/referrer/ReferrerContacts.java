package org.prolo.notification.referrer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The referrer_contact table. */
@Repository
public class ReferrerContacts {

	private final JdbcClient jdbc;

	public ReferrerContacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores the contact; a second submission event for the same referral keeps the
	 * first.
	 */
	public boolean add(ReferrerContact contact, Instant learnedAt) {
		// ON CONFLICT rather than a duplicate-key error, which would abort the PostgreSQL
		// transaction.
		return jdbc.sql("""
				insert into referrer_contact (referral_id, referrer_id, referrer_name, referrer_email,
				  patient_pseudonym, condition_code, learned_at) values (?, ?, ?, ?, ?, ?, ?)
				on conflict do nothing""")
			.params(contact.referralId(), contact.referrerId(), contact.referrerName(), contact.referrerEmail(),
					contact.patientPseudonym(), contact.condition(), Timestamp.from(learnedAt))
			.update() == 1;
	}

	public Optional<ReferrerContact> find(String referralId) {
		return jdbc.sql("""
				select referral_id, referrer_id, referrer_name, referrer_email, patient_pseudonym, condition_code
				from referrer_contact where referral_id = ?""")
			.param(referralId)
			.query((rs, n) -> new ReferrerContact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6)))
			.optional();
	}

}
