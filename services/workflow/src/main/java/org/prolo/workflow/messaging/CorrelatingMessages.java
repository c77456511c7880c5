package org.prolo.workflow.messaging;

import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.prolo.workflow.messaging.EarlyMessages.EarlyMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivers a message from another service to the referral's process instance (business
 * key = referral id). The message name is the event's name. Whether an execution waits is
 * asked first, because a failed correlation would mark the shared transaction
 * rollback-only. Each event comes here once: the listeners drop redeliveries.
 */
@Service
public class CorrelatingMessages {

	public static final String REFERRAL_WITHDRAWN = "ReferralWithdrawn";

	public static final String REFERRAL_INFO_PROVIDED = "ReferralInfoProvided";

	public static final String IMAGING_REPORTED = "ImagingReported";

	private static final Logger log = LoggerFactory.getLogger(CorrelatingMessages.class);

	private final RuntimeService runtime;

	private final HistoryService history;

	private final EarlyMessages earlyMessages;

	public CorrelatingMessages(RuntimeService runtime, HistoryService history, EarlyMessages earlyMessages) {
		this.runtime = runtime;
		this.history = history;
		this.earlyMessages = earlyMessages;
	}

	/** Withdrawal interrupts the process wherever it is; a closed referral ignores it. */
	@Transactional
	public void withdraw(String referralId, String reason) {
		if (!deliverIfWaiting(referralId, REFERRAL_WITHDRAWN,
				(reason != null) ? Map.of("withdrawalReason", reason) : Map.of())) {
			log.info("Referral {} has no open process; ignoring its withdrawal", referralId);
		}
	}

	/**
	 * An answer resumes triage; one that nobody waits for (already closed, duplicate
	 * answer) is dropped.
	 */
	@Transactional
	public void infoProvided(String eventId, String referralId, String answer) {
		if (!deliverIfWaiting(referralId, REFERRAL_INFO_PROVIDED, Map.of("infoAnswer", answer))) {
			log.warn("Referral {} is not waiting for information; dropping ReferralInfoProvided {}", referralId,
					eventId);
		}
	}

	/**
	 * A report is never lost while its referral is open: if the process does not wait for
	 * it yet, it is kept until the process asks for it (Request imaging) or the sweeper
	 * finds the process waiting. A report for a referral whose process has ended has
	 * nobody to wait for it and is discarded.
	 */
	@Transactional
	public void imagingReported(String eventId, String referralId, Map<String, Object> findings) {
		if (!deliverIfWaiting(referralId, IMAGING_REPORTED, findings)) {
			if (hasEnded(referralId)) {
				log.info("Referral {} has no open process; discarding ImagingReported {}", referralId, eventId);
				return;
			}
			log.info("Referral {} does not wait for an imaging report yet; keeping ImagingReported {}", referralId,
					eventId);
			earlyMessages.keep(new EarlyMessage(eventId, referralId, IMAGING_REPORTED, findings));
		}
	}

	/**
	 * Delivers a kept message whose process now waits for it, and discards one whose
	 * process has ended meanwhile (closed or withdrawn before it asked), which would
	 * otherwise be tried for ever; called by the sweeper, one message per transaction.
	 * @return true when the message was delivered
	 */
	@Transactional
	public boolean deliverKept(EarlyMessage message) {
		if (waits(message.referralId(), message.messageName()) && earlyMessages.remove(message.eventId())) {
			correlate(message.referralId(), message.messageName(), message.variables());
			log.info("Delivered kept {} {} to referral {}", message.messageName(), message.eventId(),
					message.referralId());
			return true;
		}
		if (hasEnded(message.referralId()) && earlyMessages.remove(message.eventId())) {
			log.info("Referral {} has no open process; discarding kept {} {}", message.referralId(),
					message.messageName(), message.eventId());
		}
		return false;
	}

	private boolean deliverIfWaiting(String referralId, String messageName, Map<String, Object> variables) {
		if (!waits(referralId, messageName)) {
			return false;
		}
		correlate(referralId, messageName, variables);
		return true;
	}

	/**
	 * The referral's process ran and finished. A referral whose process has not started
	 * yet (its ReferralSubmitted still on the way) has not ended.
	 */
	private boolean hasEnded(String referralId) {
		return runtime.createProcessInstanceQuery().processInstanceBusinessKey(referralId).count() == 0
				&& history.createHistoricProcessInstanceQuery()
					.processInstanceBusinessKey(referralId)
					.finished()
					.count() > 0;
	}

	private boolean waits(String referralId, String messageName) {
		return runtime.createExecutionQuery()
			.processInstanceBusinessKey(referralId)
			.messageEventSubscriptionName(messageName)
			.count() > 0;
	}

	private void correlate(String referralId, String messageName, Map<String, Object> variables) {
		runtime.createMessageCorrelation(messageName)
			.processInstanceBusinessKey(referralId)
			.setVariables(variables)
			.correlateAllWithResult();
		log.info("Correlated {} to referral {}", messageName, referralId);
	}

}
