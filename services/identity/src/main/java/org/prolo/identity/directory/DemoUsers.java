package org.prolo.identity.directory;

import java.util.List;

/**
 * The demo users of the security contract, one for each role, used only in profile demo.
 * Their password is the user id, so anyone reading the README can sign in as any role:
 * never a production rule, and the service refuses to start outside profile demo with any
 * user whose password is the user id.
 */
public final class DemoUsers {

	public static final List<DirectoryUser> ALL = List.of(
			new DirectoryUser("dr-ada", "Dr Ada Lovelace", "ada@referrers.example", List.of("physician")),
			new DirectoryUser("dr-ben", "Dr Ben Okafor", "ben@referrers.example", List.of("physician")),
			new DirectoryUser("ingrid", "Ingrid", "ingrid@clinic.example", List.of("intake-coordinators")),
			new DirectoryUser("carl", "Carl", "carl@clinic.example", List.of("clinical-coordinators")),
			new DirectoryUser("clara", "Clara", "clara@clinic.example", List.of("clinicians")),
			new DirectoryUser("leo", "Leo", "leo@clinic.example", List.of("clinic-leads")),
			new DirectoryUser("demo", "Demo Admin", "demo@clinic.example", List.of("camunda-admin", "clinic-leads")));

	private DemoUsers() {
	}

	public static String password(DirectoryUser user) {
		return user.id();
	}

}
