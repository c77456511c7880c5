package org.prolo.intake.submission;

import java.util.function.LongUnaryOperator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The submission_budget table: one row per physician, shared by every intake node. A
 * change reads the row under a row lock ({@code select ... for update}), so concurrent
 * submissions of one physician on any number of nodes take their tokens one after the
 * other.
 */
@Repository
class SubmissionBudgets {

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	SubmissionBudgets(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Applies {@code change} to the physician's stored value under the row's lock, in a
	 * transaction of its own that commits before the referral's (a token spent on a
	 * submission that then fails stays spent, as it would in memory).
	 * @param initial the value of a physician seen for the first time
	 * @param change from the stored value to the new one; returning the same value
	 * changes nothing
	 * @return the new value
	 */
	long update(String physicianId, long initial, LongUnaryOperator change) {
		Long updated = ownTransaction.execute(status -> updateLocked(physicianId, initial, change));
		return updated;
	}

	private long updateLocked(String physicianId, long initial, LongUnaryOperator change) {
		// ON CONFLICT: a concurrent first insert waits for the other and then does
		// nothing, instead of aborting this transaction.
		jdbc.sql("insert into submission_budget (physician_id, full_at_nanos) values (?, ?) on conflict do nothing")
			.params(physicianId, initial)
			.update();
		long stored = jdbc.sql("select full_at_nanos from submission_budget where physician_id = ? for update")
			.param(physicianId)
			.query(Long.class)
			.single();
		long changed = change.applyAsLong(stored);
		if (changed != stored) {
			jdbc.sql("update submission_budget set full_at_nanos = ? where physician_id = ?")
				.params(changed, physicianId)
				.update();
		}
		return changed;
	}

}
