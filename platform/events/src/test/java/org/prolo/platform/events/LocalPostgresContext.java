package org.prolo.platform.events;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Gives the Spring test context that imports it a fresh database of its own on
 * {@link LocalPostgres}, named after {@code spring.application.name}, as its data source,
 * and drops it when that context closes. The services' {@code *OnPostgresTests} import it
 * next to profile {@code postgres}.
 * <p>
 * The context, not the test class, owns the database: JUnit's after-all callbacks run
 * before Spring closes a dirtied context, so a drop there would pull the database from
 * under live listeners and pools. Here it is dropped in the last lifecycle phase to stop,
 * after the listeners and executors, or as the context is destroyed when it never
 * started.
 */
@TestConfiguration(proxyBeanMethods = false)
public class LocalPostgresContext {

	@Bean
	static Database localPostgresDatabase(Environment environment) {
		return new Database(
				LocalPostgres.createDatabase(environment.getProperty("spring.application.name", "service") + "_test"));
	}

	@Bean
	static DynamicPropertyRegistrar localPostgresDataSource(Database database) {
		return registry -> {
			registry.add("spring.datasource.url", database.postgres::jdbcUrl);
			registry.add("spring.datasource.username", LocalPostgres::username);
			registry.add("spring.datasource.password", LocalPostgres::password);
		};
	}

	/** The context's database; stopping or destroying it drops it. */
	public static final class Database implements SmartLifecycle, DisposableBean {

		private final LocalPostgres postgres;

		private volatile boolean running;

		Database(LocalPostgres postgres) {
			this.postgres = postgres;
		}

		@Override
		public void start() {
			this.running = true;
		}

		@Override
		public void stop() {
			this.running = false;
			this.postgres.close();
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

		@Override
		public int getPhase() {
			return Integer.MIN_VALUE;
		}

		@Override
		public void destroy() {
			this.postgres.close();
		}

	}

}
