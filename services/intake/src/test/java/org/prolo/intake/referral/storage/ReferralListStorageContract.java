package org.prolo.intake.referral.storage;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prolo.intake.referral.ClinicalFindings;
import org.prolo.intake.referral.Condition;
import org.prolo.intake.referral.CourseWait;
import org.prolo.intake.referral.Patient;
import org.prolo.intake.referral.Referral;
import org.prolo.intake.referral.ReferralPage;
import org.prolo.intake.referral.ReferralQuery;
import org.prolo.referralstatus.ReferralStatus;
import org.prolo.intake.referral.Referrer;
import org.prolo.intake.referral.Urgency;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A physician's list pages on a real database, migrated as intake migrates it: paging,
 * the status filter and the search by the physician's own reference are done by the
 * database, and agree with what the whole list says.
 */
abstract class ReferralListStorageContract {

	private static final Instant START = Instant.parse("2026-11-01T08:00:00Z");

	private final PatientDataCipher cipher = new PatientDataCipher(Map.of("a", PatientDataCipherTests.KEY_A), "a");

	private JdbcReferrals referrals;

	abstract DataSource dataSource();

	@BeforeEach
	void migrate() {
		flyway(null).migrate();
		referrals = new JdbcReferrals(JdbcClient.create(dataSource()), Clock.systemUTC(), cipher);
	}

	private Flyway flyway(String target) {
		var configuration = Flyway.configure()
			.dataSource(dataSource())
			.locations("classpath:db/migration")
			.javaMigrations(new EncryptingExistingPatientData(cipher))
			.cleanDisabled(false);
		return ((target != null) ? configuration.target(target) : configuration).load();
	}

	@Test
	void pagesNewestFirstWithoutRepeatingOrSkippingOneSubmittedInTheSameMillisecond() {
		for (int i = 0; i < 25; i++) {
			// Three referrals share each submission time.
			referrals
				.add(referral("R-" + (100 + i), "dr-ada", START.plusSeconds(i / 3), ReferralStatus.SUBMITTED, null));
		}
		referrals.add(referral("R-ben", "dr-ben", START.plusSeconds(60), ReferralStatus.SUBMITTED, null));

		List<String> paged = new ArrayList<>();
		for (int page = 0; page < 3; page++) {
			ReferralPage found = referrals.findByReferrerId("dr-ada", query(Optional.empty(), null, page, 10));
			assertThat(found.total()).isEqualTo(25);
			paged.addAll(ids(found));
		}

		assertThat(paged).hasSize(25).doesNotHaveDuplicates().doesNotContain("R-ben");
		List<String> newestFirst = new ArrayList<>();
		for (int i = 24; i >= 0; i--) {
			newestFirst.add("R-" + (100 + i));
		}
		assertThat(paged).isEqualTo(newestFirst);
		assertThat(ids(referrals.findByReferrerId("dr-ada", query(Optional.empty(), null, 2, 10))))
			.containsExactly("R-104", "R-103", "R-102", "R-101", "R-100");
	}

	@Test
	void aPageBeyondTheLastIsEmptyButCountsTheMatches() {
		referrals.add(referral("R-1", "dr-ada", START, ReferralStatus.SUBMITTED, null));

		ReferralPage found = referrals.findByReferrerId("dr-ada", query(Optional.empty(), null, 5, 20));

		assertThat(found.referrals()).isEmpty();
		assertThat(found.total()).isEqualTo(1);
	}

	@Test
	void filtersByStatusAndCountsOnlyThatStatus() {
		referrals.add(referral("R-1", "dr-ada", START, ReferralStatus.SUBMITTED, null));
		referrals.add(referral("R-2", "dr-ada", START.plusSeconds(1), ReferralStatus.INFO_REQUESTED, null));
		referrals.add(referral("R-3", "dr-ada", START.plusSeconds(2), ReferralStatus.TRIAGE, null));
		referrals.add(referral("R-4", "dr-ada", START.plusSeconds(3), ReferralStatus.INFO_REQUESTED, null));
		referrals.add(referral("R-5", "dr-ben", START.plusSeconds(4), ReferralStatus.INFO_REQUESTED, null));

		ReferralPage found = referrals.findByReferrerId("dr-ada",
				query(Optional.of(ReferralStatus.INFO_REQUESTED), null, 0, 20));

		assertThat(ids(found)).containsExactly("R-4", "R-2");
		assertThat(found.total()).isEqualTo(2);
	}

	@Test
	void searchesTheOwnReferenceByPrefixIgnoringCase() {
		referrals.add(referral("R-1", "dr-ada", START, ReferralStatus.SUBMITTED, "KNEE-2026-0001"));
		referrals.add(referral("R-2", "dr-ada", START.plusSeconds(1), ReferralStatus.TRIAGE, "knee-2026-0002"));
		referrals.add(referral("R-3", "dr-ada", START.plusSeconds(2), ReferralStatus.SUBMITTED, "HIP-2026-0003"));
		referrals.add(referral("R-4", "dr-ada", START.plusSeconds(3), ReferralStatus.SUBMITTED, null));
		referrals.add(referral("R-5", "dr-ben", START.plusSeconds(4), ReferralStatus.SUBMITTED, "KNEE-2026-0005"));

		assertThat(ids(referrals.findByReferrerId("dr-ada", query(Optional.empty(), "Knee-2026", 0, 20))))
			.containsExactly("R-2", "R-1");
		assertThat(ids(referrals.findByReferrerId("dr-ada", query(Optional.empty(), "2026", 0, 20)))).isEmpty();
		ReferralPage both = referrals.findByReferrerId("dr-ada",
				query(Optional.of(ReferralStatus.TRIAGE), "knee", 0, 20));
		assertThat(ids(both)).containsExactly("R-2");
		assertThat(both.total()).isEqualTo(1);
	}

	@Test
	void findsAReferenceSavedBeforeTheSearchKeyExisted() {
		Flyway flyway = flyway("4");
		flyway.clean();
		flyway.migrate();
		JdbcClient.create(dataSource())
			.sql("insert into referral (id, referrer_id, referrer_name, referrer_email, patient_pseudonym, "
					+ "patient_name, patient_birth_date, patient_address, condition_code, body_site, "
					+ "pain_duration_months, prior_conservative_care, anticoagulated, allergy_to_injectate, pregnant, "
					+ "uncontrolled_diabetes, active_infection_at_site, malignancy_at_site, urgency, submitted_at, "
					+ "status, updated_at, referrer_reference) values ('R-1', 'dr-ada', 'Dr Ada', 'ada@referrers.example', "
					+ "'P-00000000', :name, :birthDate, :address, 'KNEE_OSTEOARTHRITIS', 'left knee', 9, true, false, "
					+ "false, false, false, false, false, 'ROUTINE', :at, 'SUBMITTED', :at, 'KNEE-2026-0001')")
			.param("name", cipher.encrypt("Demo Patient 1", "R-1", PatientColumns.NAME))
			.param("birthDate", cipher.encrypt("1970-01-01", "R-1", PatientColumns.BIRTH_DATE))
			.param("address", cipher.encrypt("1 Demo Street", "R-1", PatientColumns.ADDRESS))
			.param("at", START.atOffset(java.time.ZoneOffset.UTC))
			.update();

		flyway(null).migrate();

		assertThat(ids(referrals.findByReferrerId("dr-ada", query(Optional.empty(), "knee-2026", 0, 20))))
			.containsExactly("R-1");
	}

	@Test
	void aSearchMatchesOnlyReferencesStartingWithIt() {
		referrals.add(referral("R-1", "dr-ada", START, ReferralStatus.SUBMITTED, "REF-0421"));
		referrals.add(referral("R-2", "dr-ada", START.plusSeconds(1), ReferralStatus.SUBMITTED, "ref-04219"));
		referrals.add(referral("R-3", "dr-ada", START.plusSeconds(2), ReferralStatus.SUBMITTED, "REF-0421 z/9"));
		referrals.add(referral("R-4", "dr-ada", START.plusSeconds(3), ReferralStatus.SUBMITTED, "REF-0422"));
		referrals.add(referral("R-5", "dr-ada", START.plusSeconds(4), ReferralStatus.SUBMITTED, "REF-042"));
		referrals.add(referral("R-6", "dr-ada", START.plusSeconds(5), ReferralStatus.SUBMITTED, "REF0421"));

		ReferralPage found = referrals.findByReferrerId("dr-ada", query(Optional.empty(), "ref-0421", 0, 20));

		assertThat(ids(found)).containsExactly("R-3", "R-2", "R-1");
		assertThat(found.total()).isEqualTo(3);
	}

	@Test
	void anUnderscoreInTheSearchIsAnUnderscoreNotAWildcard() {
		referrals.add(referral("R-1", "dr-ada", START, ReferralStatus.SUBMITTED, "A_1"));
		referrals.add(referral("R-2", "dr-ada", START.plusSeconds(1), ReferralStatus.SUBMITTED, "AB1"));

		assertThat(ids(referrals.findByReferrerId("dr-ada", query(Optional.empty(), "A_", 0, 20))))
			.containsExactly("R-1");
	}

	@Test
	void keepsTheOwnReferenceThroughAStatusChange() {
		Referral submitted = referral("R-1", "dr-ada", START, ReferralStatus.SUBMITTED, "KNEE-7");
		referrals.add(submitted);

		referrals.update(submitted.withdraw("patient moved", START.plusSeconds(60)));

		assertThat(referrals.findById("R-1").orElseThrow().referrerReference()).isEqualTo("KNEE-7");
		assertThat(referrals.findById("R-1").orElseThrow().status()).isEqualTo(ReferralStatus.WITHDRAWN);
	}

	@Test
	void keepsWhetherThePlannedCourseWaitsWithTheTimeOfTheLatestReport() {
		Referral planned = referral("R-1", "dr-ada", START, ReferralStatus.COURSE_PLANNED, "KNEE-7");
		referrals.add(planned);
		assertThat(referrals.findById("R-1").orElseThrow().courseWait()).isEqualTo(CourseWait.NONE);
		Instant waitlisted = START.plusMillis(60_123);

		referrals.update(planned.courseWaitlisted(waitlisted));

		Referral waiting = referrals.lockById("R-1").orElseThrow();
		assertThat(waiting.courseWait()).isEqualTo(new CourseWait(waitlisted, waitlisted));
		assertThat(waiting.status()).isEqualTo(ReferralStatus.COURSE_PLANNED);
		assertThat(waiting.referrerReference()).isEqualTo("KNEE-7");

		Instant booked = START.plusMillis(120_456);
		referrals.update(waiting.courseWaitEnded(booked));

		Referral afterBooking = referrals.findByReferrerId("dr-ada").get(0);
		assertThat(afterBooking.courseWait()).isEqualTo(new CourseWait(null, booked));
		// What makes an old wait read late harmless survives the round trip.
		assertThat(afterBooking.courseWaitlisted(waitlisted)).isEqualTo(afterBooking);
	}

	private static ReferralQuery query(Optional<ReferralStatus> status, String reference, int page, int size) {
		return new ReferralQuery(status, Optional.ofNullable(reference), page, size);
	}

	private static List<String> ids(ReferralPage page) {
		return page.referrals().stream().map(Referral::id).toList();
	}

	/** Dr {@code referrerId}'s referral of a knee with osteoarthritis, as stored. */
	static Referral referral(String id, String referrerId, Instant submittedAt, ReferralStatus status,
			String reference) {
		return new Referral(id, new Referrer(referrerId, "Dr " + referrerId, referrerId + "@referrers.example"),
				new Patient("P-00000000", "Demo Patient 1", LocalDate.of(1970, 1, 1), "1 Demo Street"),
				new ClinicalFindings(Condition.KNEE_OSTEOARTHRITIS, "left knee", 9, true, false, false, false, false,
						false, false),
				Urgency.ROUTINE, null, submittedAt, status, null, null, reference);
	}

}
