package org.prolo.identity.directory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The people who can sign in, in one place: the tokens, the ID token and userinfo take
 * their claims from here. User ids are unique regardless of case, as sign-in treats them.
 */
public final class Directory {

	private final Map<String, DirectoryUser> users = new LinkedHashMap<>();

	public Directory(List<DirectoryUser> users) {
		for (DirectoryUser user : users) {
			if (this.users.putIfAbsent(key(user.id()), user) != null) {
				throw new IllegalArgumentException("The user id " + user.id() + " is in the directory twice");
			}
		}
	}

	public List<DirectoryUser> users() {
		return List.copyOf(this.users.values());
	}

	public Optional<DirectoryUser> find(String id) {
		return Optional.ofNullable(this.users.get(key(id)));
	}

	private static String key(String id) {
		return id.toLowerCase(Locale.ROOT);
	}

}
