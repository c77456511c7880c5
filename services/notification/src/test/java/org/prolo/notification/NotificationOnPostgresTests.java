package org.prolo.notification;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.prolo.platform.broker.SharedTestBroker;
import org.prolo.platform.events.LocalPostgres;
import org.prolo.platform.testing.TestKafka;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The scenario with profile {@code postgres} on the local PostgreSQL server (the
 * production database), in a fresh database that Flyway migrates from empty and that is
 * dropped afterwards. Fails, rather than skips, when no server answers: this is the only
 * proof the migrations and SQL run on PostgreSQL.
 */
@ActiveProfiles("postgres")
class NotificationOnPostgresTests extends ReferrerLetterScenario {

	private static LocalPostgres database;

	private static volatile boolean contextStarted;

	@BeforeAll
	static void createDatabase() {
		database = LocalPostgres.createDatabase("notification_test");
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestKafka.signInStandingInForProducers(registry, "notification");
		registry.add("spring.datasource.url", () -> database.jdbcUrl());
		registry.add("spring.datasource.username", LocalPostgres::username);
		registry.add("spring.datasource.password", LocalPostgres::password);
	}

	/**
	 * Only when the context never started; otherwise {@link DropDatabase} drops it as the
	 * context closes.
	 */
	@AfterAll
	static void dropDatabaseIfNoContextUsesIt() {
		if (database != null && !contextStarted) {
			database.close();
		}
	}

	@Override
	String bootstrapServers() {
		return SharedTestBroker.bootstrapServers();
	}

	/**
	 * JUnit's @AfterAll runs before Spring closes the context (after the class, see the
	 * scenario's DirtiesContext), and closing it there breaks Spring's own after-class
	 * callbacks. So the database is dropped by the context itself, in the last lifecycle
	 * phase to stop: after the listeners and the outbox's executor have stopped, so
	 * nothing uses the pool any more.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class DropDatabase {

		@Bean
		SmartLifecycle dropTestDatabaseLast() {
			return new SmartLifecycle() {

				private volatile boolean running;

				@Override
				public void start() {
					running = true;
					contextStarted = true;
				}

				@Override
				public void stop() {
					running = false;
					database.close();
				}

				@Override
				public boolean isRunning() {
					return running;
				}

				@Override
				public int getPhase() {
					return Integer.MIN_VALUE;
				}
			};
		}

	}

}
