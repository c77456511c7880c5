package org.prolo.identity.directory;

import java.util.List;
import java.util.Optional;

/**
 * The demo users of the security contract, in one place: sign-in takes their passwords
 * from here and the tokens, the ID token and userinfo take their claims from here.
 */
public final class DemoDirectory {

	private static final List<DemoUser> USERS = List.of(
			new DemoUser("dr-ada", "Dr Ada Lovelace", "ada@referrers.example", List.of("physician")),
			new DemoUser("dr-ben", "Dr Ben Okafor", "ben@referrers.example", List.of("physician")),
			new DemoUser("ingrid", "Ingrid", "ingrid@clinic.example", List.of("intake-coordinators")),
			new DemoUser("carl", "Carl", "carl@clinic.example", List.of("clinical-coordinators")),
			new DemoUser("clara", "Clara", "clara@clinic.example", List.of("clinicians")),
			new DemoUser("leo", "Leo", "leo@clinic.example", List.of("clinic-leads")),
			new DemoUser("demo", "Demo Admin", "demo@clinic.example", List.of("camunda-admin", "clinic-leads")));

	public List<DemoUser> users() {
		return USERS;
	}

	public Optional<DemoUser> find(String id) {
		return USERS.stream().filter((user) -> user.id().equals(id)).findFirst();
	}

}
