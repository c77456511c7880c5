package org.prolo.workflow;

import org.prolo.platform.testing.SharedBrokerSignIn;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** The referral scenarios against the shared in-process broker and an in-memory H2. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:workflow-${random.uuid};DB_CLOSE_DELAY=-1")
@Import(SharedBrokerSignIn.class)
class ReferralProcessTests extends ReferralProcessScenarios {

}
