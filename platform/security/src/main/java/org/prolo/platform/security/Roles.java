package org.prolo.platform.security;

import java.util.List;

/**
 * The clinic's staff groups and the scopes of the service clients, as they appear in
 * tokens, and the Spring authorities they become.
 */
public final class Roles {

	public static final String PHYSICIAN = "physician";

	public static final String INTAKE_COORDINATORS = "intake-coordinators";

	public static final String CLINICAL_COORDINATORS = "clinical-coordinators";

	public static final String CLINICIANS = "clinicians";

	public static final String CLINIC_LEADS = "clinic-leads";

	public static final String CAMUNDA_ADMIN = "camunda-admin";

	/** Everyone who works referrals inside the clinic. */
	public static final List<String> STAFF = List.of(INTAKE_COORDINATORS, CLINICAL_COORDINATORS, CLINICIANS,
			CLINIC_LEADS);

	public static final String TIMELINE_READ = "timeline.read";

	public static final String IMAGING_REPORT = "imaging.report";

	public static final String METRICS_READ = "metrics.read";

	static final String GROUP_PREFIX = "GROUP_";

	static final String SCOPE_PREFIX = "SCOPE_";

	private Roles() {
	}

	public static String group(String group) {
		return GROUP_PREFIX + group;
	}

	public static String scope(String scope) {
		return SCOPE_PREFIX + scope;
	}

	/** The authorities of every staff group, for hasAnyAuthority. */
	public static String[] staff() {
		return STAFF.stream().map(Roles::group).toArray(String[]::new);
	}

	/** The authorities of every staff group plus the given extra authorities. */
	public static String[] staffOr(String... authorities) {
		return java.util.stream.Stream.concat(STAFF.stream().map(Roles::group), java.util.Arrays.stream(authorities))
			.toArray(String[]::new);
	}

}
