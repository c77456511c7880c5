package org.prolo.platform.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.prolo.platform.events.LocalPostgres;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * One database that the nodes of a service share, each through connections of its own: a
 * fresh in-memory H2, or a fresh database on the local PostgreSQL ({@link LocalPostgres})
 * made at the first node's call. What a test opened is closed after it, the PostgreSQL
 * database dropped: register it with {@code @RegisterExtension}.
 */
public final class SharedDatabase implements AfterEachCallback {

	/** Two nodes' connections to the one database. */
	public record Nodes(DataSource a, DataSource b) {
	}

	private final List<AutoCloseable> closeAfter = new ArrayList<>();

	private LocalPostgres postgres;

	private DataSource driver;

	/**
	 * @param name the database's name, made unique
	 * @param settings H2's URL settings after the name, e.g. {@code ;MODE=PostgreSQL}
	 */
	public Nodes onH2(String name, String settings) {
		String url = "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + settings + ";DB_CLOSE_DELAY=-1";
		return new Nodes(new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", ""),
				new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", ""));
	}

	/**
	 * @param name the prefix of the database's name
	 * @param poolSize the connections of each node
	 */
	public Nodes onPostgres(String name, int poolSize) {
		return new Nodes(postgresNode(name, poolSize), postgresNode(name, poolSize));
	}

	/**
	 * The test's PostgreSQL database for a single node, through the driver alone (a
	 * connection of its own each time one is asked for); the same one on every call.
	 */
	public DataSource postgres(String name) {
		if (driver == null) {
			createPostgres(name);
			driver = new SimpleDriverDataSource(new org.postgresql.Driver(), postgres.jdbcUrl(),
					LocalPostgres.username(), LocalPostgres.password());
		}
		return driver;
	}

	/** A pool of one more node's connections to the test's PostgreSQL database. */
	public DataSource postgresNode(String name, int poolSize) {
		createPostgres(name);
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(postgres.jdbcUrl());
		pool.setUsername(LocalPostgres.username());
		pool.setPassword(LocalPostgres.password());
		pool.setMaximumPoolSize(poolSize);
		closeAfter.add(pool);
		return pool;
	}

	private void createPostgres(String name) {
		if (postgres == null) {
			postgres = LocalPostgres.createDatabase(name);
		}
	}

	@Override
	public void afterEach(ExtensionContext context) throws Exception {
		for (int i = closeAfter.size() - 1; i >= 0; i--) {
			closeAfter.get(i).close();
		}
		closeAfter.clear();
		if (postgres != null) {
			postgres.close();
			postgres = null;
		}
		driver = null;
	}

}
