package org.prolo.identity;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A fresh, empty database on the PostgreSQL server a developer or CI machine runs at
 * 127.0.0.1:5432 (trust auth, user postgres), as the other services' PostgreSQL tests use
 * it (platform/events' LocalPostgres, whose module identity does not depend on). Host,
 * port and user follow POSTGRES_HOST, POSTGRES_PORT and POSTGRES_USER when set.
 */
final class LocalPostgres implements AutoCloseable {

	private final String name;

	private LocalPostgres(String name) {
		this.name = name;
	}

	/** Creates {@code <prefix>_<random>}; close() drops it. */
	static LocalPostgres createDatabase(String prefix) {
		String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase();
		execute("create database " + name);
		return new LocalPostgres(name);
	}

	String jdbcUrl() {
		return "jdbc:postgresql://" + host() + ":" + port() + "/" + this.name;
	}

	static String username() {
		return env("POSTGRES_USER", "postgres");
	}

	static String password() {
		return env("POSTGRES_PASSWORD", "");
	}

	@Override
	public void close() {
		execute("drop database if exists " + this.name + " with (force)");
	}

	private static void execute(String sql) {
		String admin = "jdbc:postgresql://" + host() + ":" + port() + "/postgres";
		try (Connection connection = DriverManager.getConnection(admin, username(), password())) {
			connection.createStatement().execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"PostgreSQL at " + admin + " is needed for this test (" + sql + "): " + ex.getMessage(), ex);
		}
	}

	private static String host() {
		return env("POSTGRES_HOST", "127.0.0.1");
	}

	private static String port() {
		return env("POSTGRES_PORT", "5432");
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
