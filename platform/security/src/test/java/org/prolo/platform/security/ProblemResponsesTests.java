package org.prolo.platform.security;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemResponsesTests {

	private final ProblemResponses problems = new ProblemResponses(
			new RequestHeaderRequestMatcher(HttpHeaders.ACCEPT, MediaType.TEXT_HTML_VALUE));

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aPostWithoutCsrfTokenFromNobodyIsUnauthenticated() throws Exception {
		var response = new MockHttpServletResponse();

		problems.handle(new MockHttpServletRequest("POST", "/api/x"), response, new MissingCsrfTokenException(null));

		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
		assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
	}

	@Test
	void aBrowserPostWithoutCsrfTokenFromNobodyIsSentToSignIn() throws Exception {
		var request = new MockHttpServletRequest("POST", "/form");
		request.addHeader(HttpHeaders.ACCEPT, MediaType.TEXT_HTML_VALUE);
		var response = new MockHttpServletResponse();

		problems.handle(request, response, new MissingCsrfTokenException(null));

		assertThat(response.getRedirectedUrl()).isEqualTo("/oauth2/authorization/prolo");
	}

	@Test
	void aPostWithoutCsrfTokenFromASignedInSessionIsForbidden() throws Exception {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("clara", null,
					List.of(new SimpleGrantedAuthority(Roles.group(Roles.CLINICIANS)))));
		var response = new MockHttpServletResponse();

		problems.handle(new MockHttpServletRequest("POST", "/api/x"), response, new MissingCsrfTokenException(null));

		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
	}

	@Test
	void aSignedInBrowserWithAStaleFormGetsAPageThatSaysWhatToDo() throws Exception {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("dr-ada", null,
					List.of(new SimpleGrantedAuthority(Roles.group(Roles.PHYSICIAN)))));
		var request = new MockHttpServletRequest("POST", "/referrals/new");
		request.addHeader(HttpHeaders.ACCEPT, MediaType.TEXT_HTML_VALUE);
		var response = new MockHttpServletResponse();

		problems.handle(request, response, new MissingCsrfTokenException(null));

		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getContentType()).startsWith(MediaType.TEXT_HTML_VALUE);
		assertThat(response.getContentAsString()).contains("<h1>This form has expired</h1>", "reload the page");
	}

	@Test
	void aBrowserOnAPageForOtherGroupsGetsAPageNotJson() throws Exception {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("dr-ada", null,
					List.of(new SimpleGrantedAuthority(Roles.group(Roles.PHYSICIAN)))));
		var request = new MockHttpServletRequest("GET", "/camunda/app/tasklist/");
		request.addHeader(HttpHeaders.ACCEPT, MediaType.TEXT_HTML_VALUE);
		var response = new MockHttpServletResponse();

		problems.handle(request, response, new AccessDeniedException("groups"));

		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getContentAsString()).contains("not for your role", "physician portal");
	}

	@Test
	void aRequestTheFirewallRejectsIsABadRequestProblem() throws Exception {
		var response = new MockHttpServletResponse();

		new ProblemResponses.Rejected().handle(new MockHttpServletRequest("GET", "/api/x/%2F"), response,
				new RequestRejectedException("encoded slash"));

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(response.getContentAsString()).contains("\"status\":400");
	}

}
