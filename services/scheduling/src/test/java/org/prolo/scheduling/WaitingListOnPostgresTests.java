package org.prolo.scheduling;

import org.prolo.platform.events.LocalPostgresContext;
import org.prolo.platform.testing.SharedBrokerSignIn;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The scenario on PostgreSQL, the production database: {@link LocalPostgresContext}.
 * Fails, rather than skips, without a server: the only proof the migrations and SQL run
 * there.
 */
@ActiveProfiles("postgres")
@Import({ LocalPostgresContext.class, SharedBrokerSignIn.class })
class WaitingListOnPostgresTests extends WaitingListScenario {

}
