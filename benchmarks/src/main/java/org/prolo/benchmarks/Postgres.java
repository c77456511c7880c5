package org.prolo.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The local PostgreSQL server the services use on their postgres profile. */
final class Postgres {

	static final String HOST = env("POSTGRES_HOST", "127.0.0.1");

	static final String PORT = env("POSTGRES_PORT", "5432");

	static final String USER = env("POSTGRES_USER", "postgres");

	static final String PASSWORD = env("POSTGRES_PASSWORD", "");

	private Postgres() {
	}

	static String url(String database) {
		return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
	}

	static Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(url(database), USER, PASSWORD);
	}

	/**
	 * Drops (forcing out any session) and creates each database, so every run starts
	 * empty.
	 */
	static void recreate(String... databases) {
		try (Connection admin = connect("postgres"); Statement sql = admin.createStatement()) {
			for (String database : databases) {
				sql.execute("drop database if exists " + database + " with (force)");
				sql.execute("create database " + database);
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("Cannot recreate databases on " + url("postgres") + ": " + e.getMessage(),
					e);
		}
	}

	/**
	 * Settings for every new session on {@code database} ({@code name=value}, e.g.
	 * {@code synchronous_commit=off}); the server's other databases keep theirs.
	 */
	static void configure(String database, List<String> settings) {
		try (Connection admin = connect("postgres"); Statement sql = admin.createStatement()) {
			for (String setting : settings) {
				String[] parts = setting.split("=", 2);
				if (!parts[0].matches("[a-z_]+") || parts.length < 2 || !parts[1].matches("[A-Za-z0-9_.]+")) {
					throw new IllegalArgumentException("Not a setting: " + setting);
				}
				sql.execute("alter database " + database + " set " + parts[0] + " = '" + parts[1] + "'");
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("Cannot configure " + database + ": " + e.getMessage(), e);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
