package org.prolo.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.prolo.platform.broker.SharedTestBroker;
import org.prolo.platform.testing.BadRequest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.prolo.platform.testing.BadRequest.oddIds;
import static org.prolo.platform.testing.BadRequest.raw;

/**
 * Bad path ids and methods against the timeline and KPI endpoints, through the real
 * store. The answer is always a 4xx application/problem+json, never a 5xx.
 */
// Listeners off: this class exercises HTTP only and must not join the consumer group
// "timeline" on the shared broker while another context of this JVM does; closed after
// the class for the same reason.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
		"spring.kafka.listener.auto-startup=false",
		"spring.datasource.url=jdbc:h2:mem:timeline-bad-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" })
@AutoConfigureMockMvc
class BadInputTests {

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", SharedTestBroker::bootstrapServers);
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("badRequests")
	void answersEveryBadRequestWithA4xxProblem(BadRequest bad) throws Exception {
		bad.assertAnsweredBy(mvc);
	}

	static Stream<BadRequest> badRequests() {
		List<BadRequest> cases = new ArrayList<>();
		for (String[] id : oddIds()) {
			cases.add(raw("timeline: id " + id[0], HttpMethod.GET, "/api/referrals/" + id[1] + "/timeline", 400, "id"));
		}
		cases.add(raw("timeline: unknown id", HttpMethod.GET, "/api/referrals/R-unknown/timeline", 404, null));
		cases.add(raw("timeline: POST", HttpMethod.POST, "/api/referrals/R-1/timeline", 405, null));
		cases.add(raw("kpis: POST", HttpMethod.POST, "/api/kpis", 405, null));
		cases.add(new BadRequest("kpis: PUT with a 2 MB body", HttpMethod.PUT, "/api/kpis",
				MediaType.APPLICATION_JSON_VALUE, new byte[2 * 1024 * 1024], 405, null));
		return cases.stream();
	}

	/** Path ids a client may send: odd characters, percent-encoded where they must be. */

}
