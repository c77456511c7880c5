package org.prolo.notification;

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
import org.springframework.test.util.TestSocketUtils;
import org.springframework.test.web.servlet.MockMvc;

import static org.prolo.platform.testing.BadRequest.oddIds;
import static org.prolo.platform.testing.BadRequest.raw;

/**
 * Bad query values and methods against the letters and mailbox endpoints, through the
 * real store. The answer is always a 4xx application/problem+json, never a 5xx.
 */
// Listeners off: this class exercises HTTP only and must not join the consumer group
// "notification" on the shared broker while another context of this JVM does; closed
// after
// the class for the same reason.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
		"spring.kafka.listener.auto-startup=false",
		"spring.datasource.url=jdbc:h2:mem:notification-bad-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
		"prolo.notification.outbox-retry=PT10M" })
@AutoConfigureMockMvc
class BadInputTests {

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", SharedTestBroker::bootstrapServers);
		registry.add("prolo.notification.embedded-smtp.port", TestSocketUtils::findAvailableTcpPort);
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("badRequests")
	void answersEveryBadRequestWithA4xxProblem(BadRequest bad) throws Exception {
		bad.assertAnsweredBy(mvc);
	}

	static Stream<BadRequest> badRequests() {
		List<BadRequest> cases = new ArrayList<>();
		cases.add(raw("letters: no referralId", HttpMethod.GET, "/api/letters", 400, "referralId"));
		cases.add(raw("letters: blank referralId", HttpMethod.GET, "/api/letters?referralId=%20", 400, "referralId"));
		cases.add(raw("letters: 10k chars referralId", HttpMethod.GET, "/api/letters?referralId=" + "R".repeat(10_000),
				400, "referralId"));
		for (String[] id : oddIds()) {
			if (!id[0].equals("10k chars")) {
				cases.add(raw("letters: referralId " + id[0], HttpMethod.GET, "/api/letters?referralId=" + id[1], 400,
						"referralId"));
			}
		}
		cases.add(raw("letters: POST", HttpMethod.POST, "/api/letters?referralId=R-1", 405, null));
		cases.add(raw("mailbox: POST", HttpMethod.POST, "/api/mailbox", 405, null));
		cases.add(new BadRequest("mailbox: DELETE with a 2 MB body", HttpMethod.DELETE, "/api/mailbox",
				MediaType.APPLICATION_JSON_VALUE, new byte[2 * 1024 * 1024], 405, null));
		return cases.stream();
	}

	/** Path ids a client may send: odd characters, percent-encoded where they must be. */

}
