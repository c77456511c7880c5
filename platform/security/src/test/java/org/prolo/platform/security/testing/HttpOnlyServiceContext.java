package org.prolo.platform.security.testing;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A service's HTTP side through MockMvc: its real controllers and stores, on an in-memory
 * H2 of this context's own, behind the production security filter chain, trusting
 * {@link TestTokens}. Each service's {@code HttpOnlyContext} extends it and signs in to
 * the test broker as the service; the test classes that extend that share one Spring
 * context (their configuration is identical). Its Kafka listeners never start, so it
 * cannot join the service's consumer group on the shared broker and take another
 * context's records; it may stay cached.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
		"spring.kafka.listener.auto-startup=false",
		"spring.datasource.url=jdbc:h2:mem:http-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" })
@AutoConfigureMockMvc
// Tests turn metrics export off unless asked: /actuator/prometheus must exist here.
@AutoConfigureObservability(tracing = false)
@Import(TestTokens.Decoder.class)
public abstract class HttpOnlyServiceContext {

	@Autowired
	protected MockMvc mvc;

	public MockMvc mvc() {
		return this.mvc;
	}

}
