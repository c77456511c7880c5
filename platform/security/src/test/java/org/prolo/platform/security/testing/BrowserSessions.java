package org.prolo.platform.security.testing;

import java.util.Arrays;
import java.util.stream.Stream;

import org.prolo.platform.security.Roles;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A signed-in browser session (OIDC login) for MockMvc tests of server-rendered pages,
 * with the authorities the login would map from the ID token's groups.
 */
public final class BrowserSessions {

	private BrowserSessions() {
	}

	public static RequestPostProcessor signedIn(String id, String... groups) {
		return SecurityMockMvcRequestPostProcessors.oidcLogin()
			.idToken(token -> token.subject(id).claim("groups", Arrays.asList(groups)))
			.authorities(Stream.concat(Stream.of("OIDC_USER"), Arrays.stream(groups).map(Roles::group))
				.<GrantedAuthority>map(SimpleGrantedAuthority::new)
				.toList());
	}

}
