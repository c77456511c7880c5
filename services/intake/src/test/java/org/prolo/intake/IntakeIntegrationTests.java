package org.prolo.intake;

import org.prolo.platform.testing.SharedBrokerSignIn;

import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** The scenario against the in-process shared broker and an in-memory H2. */
// Closed after the class: this context joins consumer group "intake" on the shared
// broker, and so does FhirIntakeTests'; two live members would split the partitions
// between two databases.
@DirtiesContext
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:intake-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
		"prolo.events.retry-backoff=10ms" })
@Import(SharedBrokerSignIn.class)
class IntakeIntegrationTests extends IntakeScenario {

}
