package org.prolo.intake.tracking;

import java.util.List;

import org.prolo.intake.referral.Actor;
import org.prolo.intake.referral.Referral;

import org.springframework.stereotype.Service;

/**
 * Use case: a referral's timeline, for whoever may read the referral. Intake checks who
 * may see it (the timeline service knows no referrers), then asks the timeline service.
 */
@Service
public class ReadingTimeline {

	private final ReadingReferrals reading;

	private final TimelineClient timelines;

	ReadingTimeline(ReadingReferrals reading, TimelineClient timelines) {
		this.reading = reading;
		this.timelines = timelines;
	}

	/**
	 * @throws org.prolo.intake.referral.ReferralNotFoundException as for reading the
	 * referral
	 * @throws org.prolo.platform.security.problems.ServiceUnavailableException when the
	 * timeline service cannot be read
	 */
	public ReferralTimeline timelineOf(Actor actor, String referralId) {
		Referral referral = reading.read(actor, referralId);
		// Before the timeline has consumed the first event: nothing happened yet as far
		// as it knows, and the status is intake's.
		return timelines.timelineOf(referralId)
			.orElseGet(() -> new ReferralTimeline(referral.id(), referral.status().name(),
					referral.status().fhirStatus().code(), List.of()));
	}

}
