package org.prolo.scheduling;

import org.prolo.platform.testing.SharedBrokerSignIn;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** The waiting-list scenario against the shared in-process broker and an in-memory H2. */
@TestPropertySource(
		properties = "spring.datasource.url=jdbc:h2:mem:scheduling-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
@Import(SharedBrokerSignIn.class)
class WaitingListTests extends WaitingListScenario {

}
