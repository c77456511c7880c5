package org.prolo.intake.audit;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.prolo.platform.security.Caller;
import org.prolo.platform.security.CurrentCaller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the use cases tell the audit log about the request they serve. Outside an audited
 * HTTP request (a test calling a use case, a Kafka listener) every method does nothing.
 */
@Component
public class AuditTrail {

	private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

	private static final ThreadLocal<AuditedRequest> CURRENT = new ThreadLocal<>();

	private final AuditLog entries;

	private final TransactionTemplate transaction;

	private final Clock clock;

	AuditTrail(AuditLog entries, TransactionTemplate transaction, Clock clock) {
		this.entries = entries;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** The request concerns this referral: its row names it, whatever the answer. */
	public void concerning(String referralId) {
		current().ifPresent(request -> request.concerning(referralId));
	}

	/** The request concerns these referrals, e.g. the ones a list showed. */
	public void concerning(Collection<String> referralIds) {
		current().ifPresent(request -> referralIds.forEach(request::concerning));
	}

	/**
	 * The request changed this referral. Its row is written now, in the transaction of
	 * the change, with the answer a change gets: the change and its row commit or roll
	 * back together, so no committed change lacks its row. A change that rolls back is
	 * written after the answer like any refused request.
	 */
	public void changed(String referralId) {
		Optional<AuditedRequest> current = current();
		if (current.isEmpty() || current.get().callerId().isEmpty()) {
			return;
		}
		AuditedRequest request = current.get();
		request.concerning(referralId);
		entries.append(new AuditEntry(clock.instant(), request.callerId().get(), request.action().code(), referralId,
				request.action().success()));
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					if (status == STATUS_COMMITTED) {
						request.recorded(referralId);
					}
				}
			});
		}
		else {
			request.recorded(referralId);
		}
	}

	private static Optional<AuditedRequest> current() {
		AuditedRequest request = CURRENT.get();
		if (request != null && request.callerId().isEmpty()) {
			CurrentCaller.get().map(Caller::id).ifPresent(request::callerId);
		}
		return Optional.ofNullable(request);
	}

	void begin(AuditedRequest request) {
		CURRENT.set(request);
	}

	void end() {
		CURRENT.remove();
	}

	/**
	 * Writes the rows a committed change has not written, with the answer the caller got.
	 * Never fails the request: the answer is given by now.
	 */
	void recordAnswer(AuditedRequest request, String callerId, int status) {
		List<String> referralIds = request.unrecorded();
		if (referralIds.isEmpty()) {
			return;
		}
		var at = clock.instant();
		try {
			transaction.executeWithoutResult(tx -> referralIds.forEach(referralId -> entries
				.append(new AuditEntry(at, callerId, request.action().code(), referralId, status))));
		}
		catch (RuntimeException ex) {
			log.error("Audit rows of {} by {} for {} (answered {}) could not be written", request.action().code(),
					callerId, referralIds, status, ex);
		}
	}

}
