package org.prolo.intake.tracking;

import java.util.List;
import java.util.Optional;

import org.prolo.intake.audit.AuditTrail;
import org.prolo.intake.referral.Actor;
import org.prolo.intake.referral.Referral;
import org.prolo.intake.referral.ReferralAccess;
import org.prolo.intake.referral.ReferralAccessDeniedException;
import org.prolo.intake.referral.ReferralNotFoundException;
import org.prolo.intake.referral.ReferralPage;
import org.prolo.intake.referral.ReferralQuery;
import org.prolo.intake.referral.Referrals;
import org.prolo.platform.security.problems.FieldProblem;
import org.prolo.platform.security.problems.InvalidRequestException;

import org.springframework.stereotype.Service;

/**
 * Use case: reading referrals, as {@link ReferralAccess} allows; every referral read is
 * named in the audit log.
 */
@Service
public class ReadingReferrals {

	private final Referrals referrals;

	private final AuditTrail audit;

	ReadingReferrals(Referrals referrals, AuditTrail audit) {
		this.referrals = referrals;
		this.audit = audit;
	}

	/**
	 * @throws ReferralNotFoundException when there is none, or the actor may not see it
	 */
	public Referral read(Actor actor, String referralId) {
		audit.concerning(referralId);
		return referrals.findById(referralId)
			.map(referral -> ReferralAccess.readableBy(actor, referral))
			.orElseThrow(() -> new ReferralNotFoundException(referralId));
	}

	/**
	 * One page of a referrer's referrals, newest first. A physician lists their own (the
	 * referrer id may be left out); staff must name the referrer.
	 * @throws ReferralAccessDeniedException when a physician names another referrer
	 * @throws InvalidRequestException when staff name no referrer
	 */
	public ReferralPage listOf(Actor actor, Optional<String> referrerId, ReferralQuery query) {
		String referrer = referrerId.orElseGet(() -> {
			if (!actor.physician()) {
				throw new InvalidRequestException(
						List.of(new FieldProblem("referrerId", "must be given: staff list one referrer's referrals")));
			}
			return actor.id();
		});
		if (ReferralAccess.toList(actor, referrer) != ReferralAccess.Decision.ALLOWED) {
			throw new ReferralAccessDeniedException("referrerId",
					"must be your own id (" + actor.id() + "): physicians list their own referrals only");
		}
		ReferralPage found = referrals.findByReferrerId(referrer, query);
		audit.concerning(found.referrals().stream().map(Referral::id).toList());
		return found;
	}

}
