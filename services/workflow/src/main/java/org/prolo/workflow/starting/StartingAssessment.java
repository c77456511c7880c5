package org.prolo.workflow.starting;

import java.sql.Timestamp;
import java.time.Clock;

import org.camunda.bpm.engine.RuntimeService;
import org.prolo.workflow.lifecycle.ReferralToAssess;
import org.prolo.workflow.process.ReferralTrace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts the process for a submitted referral. The engine joins this transaction (the
 * starter runs Camunda on the Spring transaction manager of the same DataSource), so the
 * processed event (recorded by the listener's OncePerEvent), the started_referral row and
 * the new process instance commit together or not at all.
 */
@Service
public class StartingAssessment {

	public static final String PROCESS_KEY = "prolotherapy-referral";

	private static final Logger log = LoggerFactory.getLogger(StartingAssessment.class);

	private final RuntimeService runtime;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final ReferralTrace trace;

	public StartingAssessment(RuntimeService runtime, JdbcTemplate jdbc, Clock clock, ReferralTrace trace) {
		this.runtime = runtime;
		this.jdbc = jdbc;
		this.clock = clock;
		this.trace = trace;
	}

	/**
	 * Called once per ReferralSubmitted (the listener drops redeliveries).
	 * @return true if this call started the referral's process; false if it had been
	 * started before
	 */
	@Transactional
	public boolean start(String eventId, ReferralToAssess referral) {
		// A second ReferralSubmitted (new event id, same referral) finds the row and
		// starts nothing. Two concurrent
		// ones collide on the primary key; the loser rolls back, is redelivered and then
		// finds the row.
		Integer started = jdbc.queryForObject("select count(*) from started_referral where referral_id = ?",
				Integer.class, referral.referralId());
		if (started != null && started > 0) {
			log.info("Referral {} was already started; ignoring ReferralSubmitted {}", referral.referralId(), eventId);
			return false;
		}
		jdbc.update("insert into started_referral (referral_id, started_at) values (?, ?)", referral.referralId(),
				Timestamp.from(clock.instant()));
		var instance = runtime.startProcessInstanceByKey(PROCESS_KEY, referral.referralId(),
				trace.withCurrentTrace(referral.processVariables()));
		log.info("Started {} instance {} for referral {}", PROCESS_KEY, instance.getId(), referral.referralId());
		return true;
	}

}
