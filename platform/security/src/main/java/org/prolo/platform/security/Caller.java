package org.prolo.platform.security;

import java.util.Set;

/**
 * Who is calling, without Spring Security types: a person (id = user id, with groups) or
 * a service client (id = client id, with scopes). Controllers take it as a parameter.
 */
public record Caller(String id, Set<String> groups, Set<String> scopes) {

	public Caller {
		groups = Set.copyOf(groups);
		scopes = Set.copyOf(scopes);
	}

	public boolean isPhysician() {
		return groups.contains(Roles.PHYSICIAN);
	}

	public boolean isStaff() {
		return Roles.STAFF.stream().anyMatch(groups::contains);
	}

	public boolean inGroup(String group) {
		return groups.contains(group);
	}

	public boolean hasScope(String scope) {
		return scopes.contains(scope);
	}

}
