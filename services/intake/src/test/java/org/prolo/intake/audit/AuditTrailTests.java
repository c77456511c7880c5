package org.prolo.intake.audit;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.prolo.intake.IntakeHttpContext;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Where a change's audit row is written: in the change's transaction, so that it commits
 * or rolls back with the change; a change that rolls back is audited after the answer
 * like any refused request, and a committed one is not written twice.
 */
class AuditTrailTests extends IntakeHttpContext {

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditLog log;

	@Autowired
	TransactionTemplate transaction;

	@AfterEach
	void signOut() {
		trail.end();
		SecurityContextHolder.clearContext();
	}

	@Test
	void aCommittedChangeHasItsRowFromItsOwnTransactionOnly() {
		String id = "R-" + UUID.randomUUID();
		AuditedRequest request = withdrawalBy("dr-ada", id);

		transaction.executeWithoutResult(tx -> trail.changed(id));
		trail.recordAnswer(request, "dr-ada", 202);

		assertThat(rowsOf(id)).containsExactly("dr-ada referral.withdraw 202");
	}

	@Test
	void aChangeThatRollsBackTakesItsRowWithItAndIsAuditedWithItsAnswer() {
		String id = "R-" + UUID.randomUUID();
		AuditedRequest request = withdrawalBy("dr-ada", id);

		Throwable failed = catchThrowable(() -> transaction.executeWithoutResult(tx -> {
			trail.changed(id);
			throw new IllegalStateException("the change failed after its audit row");
		}));
		assertThat(failed).isInstanceOf(IllegalStateException.class);
		assertThat(rowsOf(id)).isEmpty();

		trail.recordAnswer(request, "dr-ada", 500);

		assertThat(rowsOf(id)).containsExactly("dr-ada referral.withdraw 500");
	}

	@Test
	void outsideAnAuditedRequestNothingIsWritten() {
		String id = "R-" + UUID.randomUUID();

		transaction.executeWithoutResult(tx -> trail.changed(id));
		trail.concerning(id);

		assertThat(rowsOf(id)).isEmpty();
	}

	private AuditedRequest withdrawalBy(String caller, String referralId) {
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken(caller, null, "GROUP_physician"));
		AuditedRequest request = AuditedRequest.of("POST", "/api/referrals/" + referralId + "/withdrawal", Map::of)
			.orElseThrow();
		trail.begin(request);
		return request;
	}

	private List<String> rowsOf(String referralId) {
		return log.find(referralId, null, 100)
			.stream()
			.map(entry -> entry.callerId() + " " + entry.action() + " " + entry.outcome())
			.toList();
	}

}
