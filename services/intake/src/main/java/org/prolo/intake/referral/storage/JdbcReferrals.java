package org.prolo.intake.referral.storage;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.prolo.intake.referral.ClinicalFindings;
import org.prolo.intake.referral.Condition;
import org.prolo.intake.referral.CourseWait;
import org.prolo.intake.referral.Outcome;
import org.prolo.intake.referral.Patient;
import org.prolo.intake.referral.Referral;
import org.prolo.intake.referral.ReferralNotFoundException;
import org.prolo.intake.referral.ReferralPage;
import org.prolo.intake.referral.ReferralQuery;
import org.prolo.referralstatus.ReferralStatus;
import org.prolo.intake.referral.Referrals;
import org.prolo.intake.referral.Referrer;
import org.prolo.intake.referral.Urgency;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcReferrals implements Referrals {

	private static final String COLUMNS = "id, referrer_id, referrer_name, referrer_email, patient_pseudonym, "
			+ "patient_name, patient_birth_date, patient_address, condition_code, body_site, pain_duration_months, "
			+ "prior_conservative_care, anticoagulated, allergy_to_injectate, pregnant, uncontrolled_diabetes, "
			+ "active_infection_at_site, malignancy_at_site, urgency, notes, submitted_at, status, open_question, "
			+ "outcome_code, outcome_reason_code, outcome_note, outcome_closed_at, referrer_reference, "
			+ "course_waitlisted_at, course_wait_as_of";

	// The id breaks ties between referrals submitted in the same millisecond, so that
	// pages neither repeat nor skip one.
	private static final String NEWEST_FIRST = "order by submitted_at desc, id desc";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final PatientDataCipher cipher;

	JdbcReferrals(JdbcClient jdbc, Clock clock, PatientDataCipher cipher) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.cipher = cipher;
	}

	@Override
	public void add(Referral r) {
		ClinicalFindings c = r.clinical();
		jdbc.sql("insert into referral (" + COLUMNS + ", referrer_reference_key, updated_at) values (:id, "
				+ ":referrerId, :referrerName, :referrerEmail, :pseudonym, :patientName, :birthDate, :address, "
				+ ":condition, :bodySite, :painDurationMonths, :priorConservativeCare, :anticoagulated, "
				+ ":allergyToInjectate, :pregnant, :uncontrolledDiabetes, :activeInfectionAtSite, :malignancyAtSite, "
				+ ":urgency, :notes, :submittedAt, :status, :openQuestion, :outcomeCode, :outcomeReasonCode, "
				+ ":outcomeNote, :outcomeClosedAt, :referrerReference, :courseWaitlistedAt, :courseWaitAsOf, "
				+ ":referrerReferenceKey, :updatedAt)")
			.param("id", r.id())
			.param("referrerId", r.referrer().id())
			.param("referrerName", r.referrer().name())
			.param("referrerEmail", r.referrer().email())
			.param("pseudonym", r.patient().pseudonym())
			.param("patientName", cipher.encrypt(r.patient().name(), r.id(), PatientColumns.NAME))
			.param("birthDate", cipher.encrypt(r.patient().birthDate().toString(), r.id(), PatientColumns.BIRTH_DATE))
			.param("address", cipher.encrypt(r.patient().address(), r.id(), PatientColumns.ADDRESS))
			.param("condition", c.condition().name())
			.param("bodySite", c.bodySite())
			.param("painDurationMonths", c.painDurationMonths())
			.param("priorConservativeCare", c.priorConservativeCare())
			.param("anticoagulated", c.anticoagulated())
			.param("allergyToInjectate", c.allergyToInjectate())
			.param("pregnant", c.pregnant())
			.param("uncontrolledDiabetes", c.uncontrolledDiabetes())
			.param("activeInfectionAtSite", c.activeInfectionAtSite())
			.param("malignancyAtSite", c.malignancyAtSite())
			.param("urgency", r.urgency().name())
			.param("notes", r.notes())
			.param("submittedAt", timestamp(r.submittedAt()))
			.param("referrerReference", r.referrerReference())
			.param("referrerReferenceKey", (r.referrerReference() != null) ? searchKey(r.referrerReference()) : null)
			.params(statusParams(r))
			.update();
	}

	@Override
	public Optional<Referral> findById(String id) {
		return jdbc.sql("select " + COLUMNS + " from referral where id = ?").param(id).query(this::map).optional();
	}

	@Override
	public Optional<Referral> lockById(String id) {
		return jdbc.sql("select " + COLUMNS + " from referral where id = ? for update")
			.param(id)
			.query(this::map)
			.optional();
	}

	@Override
	public void update(Referral r) {
		int updated = jdbc
			.sql("update referral set status = :status, open_question = :openQuestion, outcome_code = :outcomeCode, "
					+ "outcome_reason_code = :outcomeReasonCode, outcome_note = :outcomeNote, "
					+ "outcome_closed_at = :outcomeClosedAt, course_waitlisted_at = :courseWaitlistedAt, "
					+ "course_wait_as_of = :courseWaitAsOf, updated_at = :updatedAt where id = :id")
			.param("id", r.id())
			.params(statusParams(r))
			.update();
		if (updated != 1) {
			throw new ReferralNotFoundException(r.id());
		}
	}

	@Override
	public List<Referral> findByReferrerId(String referrerId) {
		return jdbc.sql("select " + COLUMNS + " from referral where referrer_id = ? " + NEWEST_FIRST)
			.param(referrerId)
			.query(this::map)
			.list();
	}

	@Override
	public ReferralPage findByReferrerId(String referrerId, ReferralQuery query) {
		// Only the page's rows are read and decrypted; the indexes on (referrer_id, ...)
		// keep both statements to one physician's index range.
		var where = new StringBuilder("where referrer_id = :referrerId");
		var params = new HashMap<String, Object>();
		params.put("referrerId", referrerId);
		query.status().ifPresent(status -> {
			where.append(" and status = :status");
			params.put("status", status.name());
		});
		query.referencePrefix().ifPresent(prefix -> {
			// Every key that starts with the prefix, and only those: an index range
			// (V5__referrer_reference_search_key.sql).
			byte[] from = searchKey(prefix);
			byte[] to = Arrays.copyOf(from, from.length + 1);
			to[from.length] = (byte) 0xff;
			where.append(" and referrer_reference_key >= :referenceFrom and referrer_reference_key < :referenceTo");
			params.put("referenceFrom", from);
			params.put("referenceTo", to);
		});
		long total = jdbc.sql("select count(*) from referral " + where).params(params).query(Long.class).single();
		if (total <= query.offset()) {
			return new ReferralPage(List.of(), total);
		}
		List<Referral> page = jdbc
			.sql("select " + COLUMNS + " from referral " + where + " " + NEWEST_FIRST + " limit :limit offset :offset")
			.params(params)
			.param("limit", query.size())
			.param("offset", query.offset())
			.query(this::map)
			.list();
		return new ReferralPage(page, total);
	}

	/** The reference as the search compares it: lower case, as UTF-8 bytes. */
	private static byte[] searchKey(String reference) {
		return reference.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
	}

	private Map<String, Object> statusParams(Referral r) {
		Outcome o = r.outcome();
		var params = new HashMap<String, Object>();
		params.put("status", r.status().name());
		params.put("openQuestion", r.openQuestion());
		params.put("outcomeCode", (o != null) ? o.code().name() : null);
		params.put("outcomeReasonCode", (o != null) ? o.reasonCode() : null);
		params.put("outcomeNote", (o != null) ? o.note() : null);
		params.put("outcomeClosedAt", (o != null) ? timestamp(o.closedAt()) : null);
		params.put("courseWaitlistedAt", timestamp(r.courseWait().waitingSince()));
		params.put("courseWaitAsOf", timestamp(r.courseWait().asOf()));
		params.put("updatedAt", timestamp(clock.instant()));
		return params;
	}

	private Referral map(ResultSet rs, int row) throws SQLException {
		String outcomeCode = rs.getString("outcome_code");
		Outcome outcome = (outcomeCode != null) ? new Outcome(ReferralStatus.valueOf(outcomeCode),
				rs.getString("outcome_reason_code"), rs.getString("outcome_note"), instant(rs, "outcome_closed_at"))
				: null;
		String id = rs.getString("id");
		return new Referral(id,
				new Referrer(rs.getString("referrer_id"), rs.getString("referrer_name"),
						rs.getString("referrer_email")),
				new Patient(rs.getString("patient_pseudonym"),
						cipher.decrypt(rs.getString(PatientColumns.NAME), id, PatientColumns.NAME),
						LocalDate.parse(
								cipher.decrypt(rs.getString(PatientColumns.BIRTH_DATE), id, PatientColumns.BIRTH_DATE)),
						cipher.decrypt(rs.getString(PatientColumns.ADDRESS), id, PatientColumns.ADDRESS)),
				new ClinicalFindings(Condition.valueOf(rs.getString("condition_code")), rs.getString("body_site"),
						rs.getInt("pain_duration_months"), rs.getBoolean("prior_conservative_care"),
						rs.getBoolean("anticoagulated"), rs.getBoolean("allergy_to_injectate"),
						rs.getBoolean("pregnant"), rs.getBoolean("uncontrolled_diabetes"),
						rs.getBoolean("active_infection_at_site"), rs.getBoolean("malignancy_at_site")),
				Urgency.valueOf(rs.getString("urgency")), rs.getString("notes"), instant(rs, "submitted_at"),
				ReferralStatus.valueOf(rs.getString("status")), rs.getString("open_question"), outcome,
				rs.getString("referrer_reference"),
				new CourseWait(instant(rs, "course_waitlisted_at"), instant(rs, "course_wait_as_of")));
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
