package org.prolo.intake.audit;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP request that reads or changes referrals, while it runs: what it does, which
 * referrals it concerns, who made it, and which of its rows a committed change already
 * wrote. Confined to the request's thread.
 */
final class AuditedRequest {

	/**
	 * What a referral id can look like; anything else in a path (a very long or odd
	 * string a client sent) is not written to the log.
	 */
	private static final Pattern REFERRAL_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private static final String ID = "([^/]+)";

	private static final List<Route> ROUTES = List.of(new Route("GET", "/api/referrals", AuditAction.LIST, null),
			new Route("POST", "/api/referrals", AuditAction.SUBMIT, null),
			new Route("GET", "/api/referrals/" + ID, AuditAction.READ, null),
			new Route("GET", "/api/referrals/" + ID + "/timeline", AuditAction.TIMELINE, null),
			new Route("POST", "/api/referrals/" + ID + "/withdrawal", AuditAction.WITHDRAW, null),
			new Route("POST", "/api/referrals/" + ID + "/information", AuditAction.ANSWER, null),
			new Route("POST", "/fhir/ServiceRequest", AuditAction.FHIR_CREATE, null),
			new Route("GET", "/fhir/ServiceRequest/" + ID, AuditAction.FHIR_READ, null),
			new Route("GET", "/fhir/Task", AuditAction.FHIR_TASK_SEARCH, "based-on"),
			new Route("GET", "/fhir/Task/_search", AuditAction.FHIR_TASK_SEARCH, "based-on"),
			new Route("POST", "/fhir/Task/_search", AuditAction.FHIR_TASK_SEARCH, "based-on"),
			new Route("GET", "/fhir/Task/" + ID, AuditAction.FHIR_TASK_READ, null),
			new Route("GET", "/api/audit", AuditAction.AUDIT_READ, "referralId"));

	/** The referral a Location header points at (JSON API or FHIR). */
	private static final Pattern LOCATION = Pattern.compile("/(?:api/referrals|fhir/ServiceRequest)/([^/?]+)");

	private final AuditAction action;

	private final Set<String> referralIds = new LinkedHashSet<>();

	private final Set<String> recorded = new LinkedHashSet<>();

	private String callerId;

	private AuditedRequest(AuditAction action) {
		this.action = action;
	}

	/**
	 * The request as the audit sees it, when it is one that reads or changes referrals.
	 * The referral it names in its path or query is known before any rule refuses it.
	 * @param path the path within the application as it is dispatched (decoded)
	 * @param parameters the request's parameters (query, and form body of a FHIR search)
	 */
	static Optional<AuditedRequest> of(String method, String path, Supplier<Map<String, String[]>> parameters) {
		for (Route route : ROUTES) {
			Matcher matcher = route.matcher(method, path);
			if (matcher != null) {
				var request = new AuditedRequest(route.action());
				if (matcher.groupCount() > 0) {
					request.concerning(matcher.group(1));
				}
				if (route.parameter() != null) {
					// The parameter with any modifier (based-on:ServiceRequest), each
					// value;
					// based-on is ServiceRequest/{id} or {id}.
					parameters.get().forEach((name, values) -> {
						if (name.equals(route.parameter()) || name.startsWith(route.parameter() + ":")) {
							for (String value : values) {
								request.concerning(value.substring(value.lastIndexOf('/') + 1));
							}
						}
					});
				}
				return Optional.of(request);
			}
		}
		return Optional.empty();
	}

	AuditAction action() {
		return action;
	}

	void concerning(String referralId) {
		if (referralId != null && REFERRAL_ID.matcher(referralId).matches()) {
			referralIds.add(referralId);
		}
	}

	void concerningLocation(String location) {
		if (location != null) {
			Matcher matcher = LOCATION.matcher(location);
			if (matcher.find()) {
				concerning(matcher.group(1));
			}
		}
	}

	void recorded(String referralId) {
		recorded.add(referralId);
	}

	/**
	 * The referrals still to be written after the answer: those no committed change
	 * wrote; a single null when the request concerned none at all.
	 */
	List<String> unrecorded() {
		if (referralIds.isEmpty()) {
			return recorded.isEmpty() ? java.util.Collections.singletonList(null) : List.of();
		}
		return referralIds.stream().filter(id -> !recorded.contains(id)).toList();
	}

	Optional<String> callerId() {
		return Optional.ofNullable(callerId);
	}

	void callerId(String callerId) {
		this.callerId = callerId;
	}

	/**
	 * @param parameter the query parameter that names the referral, if any
	 */
	private record Route(String method, Pattern path, AuditAction action, String parameter) {

		Route(String method, String path, AuditAction action, String parameter) {
			this(method, Pattern.compile(path), action, parameter);
		}

		Matcher matcher(String requestMethod, String requestPath) {
			if (!method.equals(requestMethod)) {
				return null;
			}
			Matcher matcher = path.matcher(requestPath);
			return matcher.matches() ? matcher : null;
		}

	}

}
