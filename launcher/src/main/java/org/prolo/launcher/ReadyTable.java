package org.prolo.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The summary a person reads once everything is up: where to click and whom to sign in
 * as.
 */
final class ReadyTable {

	/**
	 * A demo user of the identity service (password = user id), with the groups its
	 * tokens carry and what the user is for.
	 */
	record Login(String user, String groups, String use) {
	}

	static final List<Login> DEMO_LOGINS = List.of(
			new Login("dr-ada", "physician", "portal: submits and follows her own referrals"),
			new Login("dr-ben", "physician", "portal: his own referrals only"),
			new Login("ingrid", "intake-coordinators", "Tasklist: triage"),
			new Login("carl", "clinical-coordinators", "Tasklist: record-history, chase-imaging"),
			new Login("clara", "clinicians", "Tasklist: physical-exam, confirm-suitability, plan-course"),
			new Login("leo", "clinic-leads",
					"portal: the clinic overview; overdue tasks, why is a referral stuck, audit log, metrics"),
			new Login("demo", "camunda-admin, clinic-leads", "Camunda Cockpit and Admin"));

	/** Prints a demo user's access token; the README's "Signing in" explains it. */
	static final String TOKEN_COMMAND = "./mvnw -q -pl launcher exec:java -Dexec.mainClass=org.prolo.launcher.Token -Dexec.args=";

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
			logins.add(new String[] { login.user(), login.groups(), login.use() });
		}
		out.append("Sign in as (password = user id; physicians in the portal, clinic staff in Tasklist):\n");
		out.append(table(new String[] { "USER", "GROUPS", "FOR" }, logins));
		// The Token command signs in at the identity service's form; another provider
		// (--identity-provider) has its own.
		if (services.stream().anyMatch(service -> service.name().equals(ServiceSpec.IDENTITY))) {
			out.append("A token for curl: ").append(TOKEN_COMMAND).append("dr-ada\n");
		}
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
