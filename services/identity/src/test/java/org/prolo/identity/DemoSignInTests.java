package org.prolo.identity;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.text.ParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.prolo.platform.demosignin.DemoSignIn;
import org.prolo.platform.demosignin.DemoSignIn.SignInFailedException;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The launcher's, benchmarks' and system tests' sign-in (platform/security's DemoSignIn)
 * against the real provider.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "prolo.identity.key-file=target/identity-tests/jwk.json")
@ActiveProfiles("demo")
class DemoSignInTests {

	@LocalServerPort
	int port;

	private String base() {
		return "http://localhost:" + this.port;
	}

	private JWTClaimsSet verified(DemoSignIn.Token token) {
		var jwks = SignedTokens.jwks(new BrowserSignIn(URI.create(base())).get("/oauth2/jwks", null).body());
		return SignedTokens.verified(token.value(), jwks);
	}

	@Test
	void signsADemoPhysicianInThroughTheLoginForm() throws ParseException {
		DemoSignIn.Token token = new DemoSignIn(base()).signIn("dr-ben");

		JWTClaimsSet claims = verified(token);
		assertThat(claims.getSubject()).isEqualTo("dr-ben");
		assertThat(claims.getStringListClaim("groups")).containsExactly("physician");
		assertThat(token.bearer()).startsWith("Bearer ey");
		assertThat(token.toString()).doesNotContain(token.value());
	}

	@Test
	void saysWhichUserWasRefused() {
		assertThatThrownBy(() -> new DemoSignIn(base()).signIn("leo", "not-leo"))
			.isInstanceOf(SignInFailedException.class)
			.hasMessageContaining("leo");
	}

	@Test
	void getsAServiceClientItsToken() throws ParseException {
		JWTClaimsSet claims = verified(new DemoSignIn(base()).clientToken("prometheus", "prometheus-secret"));

		assertThat(claims.getSubject()).isEqualTo("prometheus");
		assertThat(claims.getStringListClaim("scope")).containsExactly("metrics.read");
		assertThatThrownBy(() -> new DemoSignIn(base()).clientToken("prometheus", "wrong"))
			.isInstanceOf(SignInFailedException.class);
	}

	@Test
	void saysWhereTheIdentityServiceIsWhenItIsDown() {
		assertThatThrownBy(() -> new DemoSignIn("http://127.0.0.1:1").signIn("dr-ada"))
			.isInstanceOf(SignInFailedException.class)
			.hasMessageContaining("not reachable");
	}

	@Test
	void someoneWhoSignsInHereDirectlySeesWhoTheyAreAndWhereToGo() throws Exception {
		HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		URI home = URI.create(base() + "/");
		HttpResponse<String> first = http.send(html(home).build(), BodyHandlers.ofString());
		URI login = home.resolve(first.headers().firstValue("Location").orElseThrow());
		assertThat(login.getPath()).isEqualTo("/login");
		String form = http.send(html(login).build(), BodyHandlers.ofString()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form);
		assertThat(csrf.find()).isTrue();
		HttpResponse<String> posted = http.send(html(login).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("username=clara&password=clara&_csrf=" + csrf.group(1)))
			.build(), BodyHandlers.ofString());
		URI back = login.resolve(posted.headers().firstValue("Location").orElseThrow());

		HttpResponse<String> page = http.send(html(back).build(), BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Signed in as clara", "http://localhost:8086/", "/camunda/app/tasklist/");
	}

	private static HttpRequest.Builder html(URI uri) {
		return HttpRequest.newBuilder(uri).header("Accept", "text/html");
	}

}
