package org.prolo.workflow.process;

import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The referral process on a plain in-memory engine (no Spring): the real model and
 * decision tables deployed for each test, driven by a {@link ReferralProcessDriver} of
 * its own.
 */
@Deployment(resources = { ReferralProcessDriver.MODEL, ReferralProcessDriver.SUITABILITY,
		ReferralProcessDriver.COURSE_PLAN })
abstract class OnTheProcessEngine {

	// An instance of its own for each test: one shared by several classes would lose its
	// services when the first class ends.
	@RegisterExtension
	final ProcessEngineExtension engine = ReferralProcessDriver.engineExtension();

	ReferralProcessDriver referrals;

	@BeforeEach
	void registerBeans() {
		this.referrals = new ReferralProcessDriver(engine.getProcessEngine());
	}

	@AfterEach
	void resetBeans() {
		ReferralProcessDriver.reset();
	}

}
