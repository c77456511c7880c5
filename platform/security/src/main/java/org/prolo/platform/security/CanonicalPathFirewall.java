package org.prolo.platform.security;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall (which already refuses matrix parameters, double and
 * encoded slashes, encoded dots and percent signs, and dot segments), and one spelling
 * per API path on top of it. A path that a rule, the audit and the dispatcher could each
 * read differently is refused with 400 rather than guessed at: percent-encoded letters,
 * digits and {@code -._~} (no client has to encode them, so an encoded one only disguises
 * a path), and, under the API prefixes, a trailing slash or another case of the prefix.
 * Browser pages outside those prefixes keep their trailing slashes (Camunda's webapps
 * need them).
 */
class CanonicalPathFirewall extends StrictHttpFirewall {

	private static final Pattern ENCODED_UNRESERVED = Pattern
		.compile("%(?:[46][1-9A-Fa-f]|[57][0-9Aa]|3[0-9]|2[DdEe]|5[Ff]|7[Ee])");

	private final List<String> apiPrefixes;

	CanonicalPathFirewall(List<String> apiPrefixes) {
		this.apiPrefixes = List.copyOf(apiPrefixes);
	}

	@Override
	public FirewalledRequest getFirewalledRequest(HttpServletRequest request) throws RequestRejectedException {
		FirewalledRequest firewalled = super.getFirewalledRequest(request);
		String uri = request.getRequestURI();
		if (ENCODED_UNRESERVED.matcher(uri).find()) {
			throw new RequestRejectedException(
					"The request was rejected because the URL percent-encodes a letter, digit or one of -._~");
		}
		String path = uri.substring(request.getContextPath().length());
		String lowerCase = path.toLowerCase(Locale.ROOT);
		for (String prefix : apiPrefixes) {
			String bare = prefix.substring(0, prefix.length() - 1);
			if (!lowerCase.startsWith(prefix) && !lowerCase.equals(bare)) {
				continue;
			}
			if (!path.startsWith(prefix) && !path.equals(bare)) {
				throw new RequestRejectedException(
						"The request was rejected because it spells " + prefix + " in another case");
			}
			if (path.endsWith("/")) {
				throw new RequestRejectedException(
						"The request was rejected because an API path does not end with a slash");
			}
		}
		return firewalled;
	}

}
