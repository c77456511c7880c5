package org.prolo.identity.directory;

import java.util.List;
import java.util.Objects;

/**
 * A person who can sign in.
 *
 * @param id the user id, the tokens' {@code sub}
 * @param name the display name, claim {@code name}
 * @param email claim {@code email}
 * @param groups claim {@code groups}, what the services authorize by
 */
public record DirectoryUser(String id, String name, String email, List<String> groups) {

	public DirectoryUser {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(email, "email");
		groups = List.copyOf(groups);
	}

}
