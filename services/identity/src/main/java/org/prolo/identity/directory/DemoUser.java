package org.prolo.identity.directory;

import java.util.List;
import java.util.Objects;

/**
 * A person who can sign in to the demo.
 *
 * @param id the user id, the tokens' {@code sub}
 * @param name the display name, claim {@code name}
 * @param email claim {@code email}
 * @param groups claim {@code groups}, what the services authorize by
 */
public record DemoUser(String id, String name, String email, List<String> groups) {

	public DemoUser {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(email, "email");
		groups = List.copyOf(groups);
	}

	/**
	 * The demo password is the user id, so anyone reading the README can sign in as any
	 * role. Never a production rule: the directory exists only for the embedded stack.
	 */
	public String password() {
		return this.id;
	}

}
