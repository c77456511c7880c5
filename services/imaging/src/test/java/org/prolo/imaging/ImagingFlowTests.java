package org.prolo.imaging;

import org.prolo.platform.testing.SharedBrokerSignIn;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** The scenario against the shared in-process broker and an in-memory H2. */
@TestPropertySource(
		properties = "spring.datasource.url=jdbc:h2:mem:imaging-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
@Import(SharedBrokerSignIn.class)
class ImagingFlowTests extends ImagingFlowScenario {

}
