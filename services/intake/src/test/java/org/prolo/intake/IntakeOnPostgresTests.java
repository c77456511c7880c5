package org.prolo.intake;

import java.sql.SQLException;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.prolo.platform.events.LocalPostgres;
import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.TestTokens;
import org.prolo.platform.testing.SharedBrokerSignIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Profile {@code postgres} on the local PostgreSQL server (the production database), in a
 * fresh database that Flyway migrates from empty and that is dropped afterwards. Fails,
 * rather than skips, when no server answers: it is the only proof that the migration and
 * the SQL run on PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		// The scenario's context owns consumer group "intake" on the shared broker; this
		// one only stores.
		properties = "spring.kafka.listener.auto-startup=false")
@ActiveProfiles("postgres")
@Import({ TestTokens.Decoder.class, SharedBrokerSignIn.class })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
class IntakeOnPostgresTests {

	// Created with the class, not in @BeforeAll: with a per-class lifecycle Spring builds
	// the context first.
	private static final LocalPostgres database = LocalPostgres.createDatabase("prolo_intake_test");

	@Autowired
	TestRestTemplate http;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> database.jdbcUrl());
		registry.add("spring.datasource.username", LocalPostgres::username);
		registry.add("spring.datasource.password", LocalPostgres::password);
	}

	@AfterAll
	void dropDatabase() {
		try {
			// JUnit runs this before Spring closes the context (DirtiesContext): the pool
			// lets go of the
			// database first, so the drop does not pull it from under live connections.
			dataSource.unwrap(HikariDataSource.class).close();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			database.close();
		}
	}

	@Test
	void storesAndReadsBackAReferralInPostgres() {
		assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
		assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
			.isPositive();

		var headers = IntakeScenario.signedIn("dr-pg");
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set("Idempotency-Key", "pg-1");
		var body = IntakeScenario.BODY.formatted("dr-pg").replace("\"pseudonym\":\"P-1a2b3c4d\",", "");
		var created = http.postForEntity("/api/referrals", new HttpEntity<>(body, headers), JsonNode.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		var replayed = http.postForEntity("/api/referrals", new HttpEntity<>(body, headers), JsonNode.class);
		assertThat(replayed.getHeaders().getLocation()).isEqualTo(created.getHeaders().getLocation());

		JsonNode referral = http
			.exchange(created.getHeaders().getLocation().toString(), HttpMethod.GET,
					new HttpEntity<>(IntakeScenario.signedIn("dr-pg")), JsonNode.class)
			.getBody();
		assertThat(referral.get("status").asText()).isEqualTo("SUBMITTED");
		assertThat(referral.get("patient").get("pseudonym").asText()).matches("P-[0-9a-f]{8}");
		assertThat(referral.get("patient").get("birthDate").asText()).isEqualTo("1970-01-01");
		assertThat(referral.get("submittedAt").asText()).isEqualTo(created.getBody().get("submittedAt").asText());
		// At rest only ciphertext; the API above decrypted it for its physician.
		assertThat(referral.at("/patient/name").asText()).isEqualTo("Demo Patient 1");
		assertThat(jdbc.queryForMap("select * from referral where id = ?", referral.get("id").asText()).values())
			.extracting(String::valueOf)
			.noneMatch(value -> PatientDataAtRestTests.PLAIN_PATIENT.stream().anyMatch(value::contains));
		assertThat(jdbc.queryForList("select patient_name || patient_birth_date || patient_address from referral",
				String.class))
			.singleElement(InstanceOfAssertFactories.STRING)
			.startsWith("v1:test:")
			.containsPattern("v1:test:.*v1:test:.*v1:test:");
		// The outbox works on PostgreSQL too: the publication completes once the broker
		// took the event.
		await().atMost(IntakeScenario.PATIENCE)
			.until(() -> jdbc.queryForObject("select count(*) from event_publication where completion_date is not null",
					Integer.class), count -> count == 1);

		// The audit log on PostgreSQL: the submission (in its transaction), the replay
		// and the read (after their answers), read back by a clinic lead.
		var leo = new HttpHeaders();
		leo.set(HttpHeaders.AUTHORIZATION, TestTokens.user("leo", Roles.CLINIC_LEADS));
		JsonNode audit = http
			.exchange("/api/audit?referralId={id}", HttpMethod.GET, new HttpEntity<>(leo), JsonNode.class,
					referral.get("id").asText())
			.getBody();
		assertThat(audit.findValuesAsText("action")).containsExactly("referral.read", "referral.submit",
				"referral.submit");
		assertThat(audit.findValuesAsText("callerId")).containsOnly("dr-pg");
		assertThat(audit.findValues("outcome")).extracting(JsonNode::asInt).containsExactly(200, 201, 201);
	}

}
