package org.prolo.portal.web;

import org.junit.jupiter.api.Test;
import org.prolo.portal.PortalPages;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class SignOutTests extends PortalPages {

	@Test
	void signsOutAtTheIdentityServiceToo() throws Exception {
		String location = this.mvc.perform(post("/logout").with(authentication(oidcSignIn("dr-ada"))).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getHeader(HttpHeaders.LOCATION);

		assertThat(location).startsWith("http://localhost:9000/connect/logout?")
			.contains("id_token_hint=id-token-of-dr-ada")
			.contains("post_logout_redirect_uri=http://localhost/");
	}

	@Test
	void refusesASignOutWithoutCsrfToken() throws Exception {
		this.mvc.perform(post("/logout").with(authentication(oidcSignIn("dr-ada")))).andExpect(status().isForbidden());
	}

}
