package org.prolo.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads the caller's groups from a token's claims at a configured path: {@code groups}
 * (the identity service), or a dotted path into objects such as Keycloak's
 * {@code realm_access.roles}. Anything but a list of strings (or one string) at the path
 * is no groups: the caller then has none and the access rules refuse what needs one.
 */
final class GroupsClaim {

	private final String name;

	private final String[] path;

	GroupsClaim(String name) {
		this.name = name;
		this.path = name.split("\\.");
	}

	List<String> groups(Map<String, ?> claims) {
		// A claim named with dots (Auth0's namespaced https://example.com/groups) is
		// taken whole.
		if (claims.containsKey(this.name)) {
			return names(claims.get(this.name));
		}
		Object value = claims;
		for (String step : this.path) {
			if (!(value instanceof Map<?, ?> object)) {
				return List.of();
			}
			value = object.get(step);
		}
		return names(value);
	}

	private static List<String> names(Object value) {
		if (value instanceof String single) {
			return List.of(single);
		}
		if (value instanceof Collection<?> names) {
			return names.stream().filter(String.class::isInstance).map(String.class::cast).toList();
		}
		return List.of();
	}

}
