package org.prolo.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The summary a person reads once everything is up: where to click and how to log in. */
final class ReadyTable {

	/**
	 * Camunda users that the workflow service creates for the demo, with their groups.
	 */
	record Login(String user, String password, String groups) {
	}

	static final List<Login> DEMO_LOGINS = List.of(new Login("demo", "demo", "admin"),
			new Login("ingrid", "ingrid", "intake-coordinators"), new Login("carl", "carl", "clinical-coordinators"),
			new Login("clara", "clara", "clinicians"), new Login("leo", "leo", "clinic-leads"));

	private ReadyTable() {
	}

	static String format(List<ServiceSpec> services, String kafkaBootstrap, Duration startup) {
		List<String[]> rows = new ArrayList<>();
		for (ServiceSpec service : services) {
			boolean first = true;
			for (ServiceSpec.Link link : service.links()) {
				rows.add(new String[] { first ? service.name() : "", link.url(), link.label() });
				first = false;
			}
		}
		rows.add(new String[] { "kafka", kafkaBootstrap, "in-process broker" });

		StringBuilder out = new StringBuilder();
		out.append(table(new String[] { "SERVICE", "URL", "WHAT" }, rows));
		out.append('\n');

		List<String[]> logins = new ArrayList<>();
		for (Login login : DEMO_LOGINS) {
			logins.add(new String[] { login.user(), login.password(), login.groups() });
		}
		out.append("Demo logins (Camunda, http://localhost:8080/camunda):\n");
		out.append(table(new String[] { "USER", "PASSWORD", "GROUP" }, logins));
		out.append('\n');
		out.append("All ").append(services.size()).append(" services up in ").append(seconds(startup)).append('.');
		return out.toString();
	}

	/** Seconds with one decimal, the precision a start-up time is worth. */
	static String seconds(Duration duration) {
		long tenths = duration.toMillis() / 100;
		return (tenths / 10) + "." + (tenths % 10) + " s";
	}

	private static String table(String[] header, List<String[]> rows) {
		int[] widths = new int[header.length];
		for (int column = 0; column < header.length; column++) {
			widths[column] = header[column].length();
			for (String[] row : rows) {
				widths[column] = Math.max(widths[column], row[column].length());
			}
		}
		StringBuilder out = new StringBuilder();
		appendRow(out, header, widths);
		String[] rule = new String[header.length];
		for (int column = 0; column < header.length; column++) {
			rule[column] = "-".repeat(widths[column]);
		}
		appendRow(out, rule, widths);
		for (String[] row : rows) {
			appendRow(out, row, widths);
		}
		return out.toString();
	}

	private static void appendRow(StringBuilder out, String[] cells, int[] widths) {
		StringBuilder line = new StringBuilder("  ");
		for (int column = 0; column < cells.length; column++) {
			line.append(cells[column]);
			if (column < cells.length - 1) {
				line.append(" ".repeat(widths[column] - cells[column].length() + 2));
			}
		}
		out.append(line.toString().stripTrailing()).append('\n');
	}

}
