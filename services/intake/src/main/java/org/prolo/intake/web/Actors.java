package org.prolo.intake.web;

import org.prolo.intake.referral.Actor;
import org.prolo.platform.security.Caller;

/** The signed-in caller as the referral's rules see it. */
public final class Actors {

	private Actors() {
	}

	public static Actor of(Caller caller) {
		return new Actor(caller.id(), caller.isPhysician(), caller.isStaff());
	}

}
