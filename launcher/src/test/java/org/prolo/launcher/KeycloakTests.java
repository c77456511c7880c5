package org.prolo.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The product trusting the clinic's own OpenID Connect provider instead of its own: a
 * real Keycloak with the realm of ops/keycloak, and the stack launched with
 * {@code --identity-provider <the realm>}, so the built-in identity service does not run
 * at all. People sign in at Keycloak's own form, as a browser does; the services know
 * them by Keycloak's subject (an opaque id, not the user name), their groups by the
 * realm's groups claim, and accept only access tokens Keycloak issued for the audience
 * prolo.
 */
@Tag("system")
class KeycloakTests {

	static final Path ROOT = ComposeFileTests.ROOT;

	static final String ENGINE = "http://127.0.0.1:8080/engine-rest";

	static final String INTAKE = "http://127.0.0.1:8081/api/referrals";

	/** The public clients' redirect URI in the realm; nobody listens there. */
	static final String CLI_REDIRECT = "http://127.0.0.1:8765/callback";

	static final ObjectMapper json = new ObjectMapper();

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static KeycloakServer keycloak;

	static RunningStack stack;

	static IdentityProvider provider;

	@BeforeAll
	static void startKeycloakAndTheStackTrustingIt() throws Exception {
		Path dataDir = ROOT.resolve("launcher/target/keycloak-test-" + System.currentTimeMillis());
		keycloak = KeycloakServer.start(ROOT, dataDir);
		provider = IdentityProvider.discover(http, keycloak.issuer());
		stack = RunningStack.start(ROOT, dataDir, "--no-auto-report", "--identity-provider", keycloak.issuer());
	}

	@AfterAll
	static void stopEverything() throws Exception {
		if (stack != null) {
			stack.close();
		}
		if (keycloak != null) {
			keycloak.close();
		}
	}

	@Test
	void aPhysicianSignedInAtKeycloakSubmitsAReferralAndAnIntakeCoordinatorTriagesIt() throws Exception {
		// The portal sends dr-ada's browser to Keycloak's sign-in form and greets her by
		// the name Keycloak vouches for.
		OidcBrowser adaAtTheBrowser = new OidcBrowser("dr-ada", keycloak.issuer());
		HttpResponse<String> portal = adaAtTheBrowser.open("http://localhost:8086/");
		assertThat(adaAtTheBrowser.typedPasswordAtProvider()).as("signed in at Keycloak").isTrue();
		assertThat(portal.statusCode()).as(portal.uri() + " " + portal.body()).isEqualTo(200);
		assertThat(portal.uri().getPort()).isEqualTo(8086);
		assertThat(portal.body()).contains("Signed in as <strong>Dr Ada Lovelace</strong>");

		// Her referral system signs her in the same way and submits with her access
		// token.
		OidcBrowser.Tokens ada = new OidcBrowser("dr-ada", keycloak.issuer()).tokensFor("prolo-cli", CLI_REDIRECT,
				provider);
		JsonNode adaClaims = ada.accessClaims();
		assertThat(adaClaims.get("iss").asText()).isEqualTo(keycloak.issuer());
		assertThat(adaClaims.get("sub").asText()).as("Keycloak's own user id").isNotEqualTo("dr-ada");
		assertThat(texts(adaClaims.get("groups"))).containsExactly("physician");
		HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(INTAKE))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString(referral(adaClaims))), ada.accessToken());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String location = created.headers().firstValue("Location").orElseThrow();
		String referralId = location.substring(location.lastIndexOf('/') + 1);
		JsonNode submitted = get(INTAKE + "/" + referralId, ada.accessToken());
		assertThat(submitted.at("/referrer/id").asText()).as("the referrer is Keycloak's user")
			.isEqualTo(adaClaims.get("sub").asText());
		assertThat(submitted.at("/referrer/email").asText()).isEqualTo("ada@referrers.example");

		// Ingrid, an intake coordinator at Keycloak, finds the triage task of her group
		// and completes it as herself.
		OidcBrowser.Tokens ingrid = new OidcBrowser("ingrid", keycloak.issuer()).tokensFor("prolo-cli", CLI_REDIRECT,
				provider);
		String ingridId = ingrid.accessClaims().get("sub").asText();
		JsonNode triage = await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> get(ENGINE + "/task?processInstanceBusinessKey=" + referralId + "&taskDefinitionKey=triage",
					ingrid.accessToken()), tasks -> tasks.size() == 1)
			.get(0);
		HttpResponse<String> completed = send(
				HttpRequest.newBuilder(URI.create(ENGINE + "/task/" + triage.get("id").asText() + "/complete"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers
						.ofString("{\"variables\":{\"triageOutcome\":{\"value\":\"ACCEPTED\"}}}")),
				ingrid.accessToken());
		assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);

		// The referral moves on, as its physician sees it; the engine names Ingrid's
		// Keycloak id as the one who triaged (read by the realm's Camunda administrator).
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(get(INTAKE + "/" + referralId, ada.accessToken()).get("status").asText())
				.isIn("ACCEPTED", "IN_ASSESSMENT"));
		OidcBrowser.Tokens admin = new OidcBrowser("demo", keycloak.issuer()).tokensFor("prolo-cli", CLI_REDIRECT,
				provider);
		JsonNode completions = get(
				ENGINE + "/history/user-operation?taskId=" + triage.get("id").asText() + "&operationType=Complete",
				admin.accessToken());
		assertThat(completions).extracting(entry -> entry.get("userId").asText()).isNotEmpty().containsOnly(ingridId);
	}

	/**
	 * Tasklist's sign-in is the workflow service's OpenID Connect sign-in, so Keycloak's
	 * form is where Ingrid signs in to it too.
	 */
	@Test
	void anIntakeCoordinatorOpensTasklistThroughKeycloak() throws Exception {
		OidcBrowser browser = new OidcBrowser("ingrid", keycloak.issuer());

		HttpResponse<String> tasklist = browser.open("http://localhost:8080/camunda/app/tasklist/");

		assertThat(browser.typedPasswordAtProvider()).isTrue();
		assertThat(tasklist.statusCode()).as(tasklist.uri() + " " + tasklist.body()).isEqualTo(200);
		assertThat(tasklist.uri().getPort()).isEqualTo(8080);
		assertThat(tasklist.uri().getPath()).startsWith("/camunda/app/tasklist");
	}

	@Test
	void keycloaksIdTokenAndItsTokenForAnotherApplicationAreRefusedWith401() throws Exception {
		OidcBrowser.Tokens ingrid = new OidcBrowser("ingrid", keycloak.issuer()).tokensFor("prolo-cli", CLI_REDIRECT,
				provider);
		String tasks = ENGINE + "/task?taskDefinitionKey=triage";
		String referrals = INTAKE + "?referrerId=dr-ada";
		// The same person's access token is accepted, so what follows is refused for what
		// the token is, not for who holds it.
		assertThat(status(tasks, ingrid.accessToken())).isEqualTo(200);
		assertThat(status(referrals, ingrid.accessToken())).isEqualTo(200);

		// The realm puts the audience prolo in ID tokens too: the services' ID-token
		// rule, not the audience, is what refuses this one.
		JsonNode idClaims = ingrid.idClaims();
		assertThat(idClaims.get("typ").asText()).isEqualTo("ID");
		assertThat(texts(idClaims.get("aud"))).contains("prolo");
		assertThat(texts(idClaims.get("groups"))).contains("intake-coordinators");
		assertThat(status(tasks, ingrid.idToken())).isEqualTo(401);
		assertThat(status(referrals, ingrid.idToken())).isEqualTo(401);

		// Another application of the clinic gets Ingrid's groups, but not the audience.
		OidcBrowser.Tokens intranet = new OidcBrowser("ingrid", keycloak.issuer()).tokensFor("clinic-intranet",
				CLI_REDIRECT, provider);
		JsonNode intranetClaims = intranet.accessClaims();
		assertThat(texts(intranetClaims.get("groups"))).contains("intake-coordinators");
		assertThat(texts(intranetClaims.get("aud"))).doesNotContain("prolo");
		assertThat(status(tasks, intranet.accessToken())).isEqualTo(401);
		assertThat(status(referrals, intranet.accessToken())).isEqualTo(401);
	}

	/** A referral in the name of the physician the token is for. */
	private static String referral(JsonNode claims) {
		var body = json.createObjectNode();
		body.putObject("referrer")
			.put("id", claims.get("sub").asText())
			.put("name", claims.get("name").asText())
			.put("email", claims.get("email").asText());
		body.putObject("patient")
			.put("name", "Kim Testpatient")
			.put("birthDate", SystemTests.BIRTH_DATE)
			.put("address", SystemTests.ADDRESS);
		body.put("condition", "LATERAL_EPICONDYLOSIS")
			.put("bodySite", "right elbow")
			.put("painDurationMonths", 8)
			.put("priorConservativeCare", true)
			.put("anticoagulated", false)
			.put("allergyToInjectate", false)
			.put("pregnant", false)
			.put("uncontrolledDiabetes", false)
			.put("activeInfectionAtSite", false)
			.put("malignancyAtSite", false)
			.put("urgency", "ROUTINE")
			.put("notes", "Tennis elbow for 8 months despite physiotherapy");
		return body.toString();
	}

	/** A claim's strings: a list, or one string (aud may be either). */
	private static List<String> texts(JsonNode claim) {
		List<String> values = new ArrayList<>();
		if (claim == null) {
			return values;
		}
		if (claim.isArray()) {
			claim.forEach(value -> values.add(value.asText()));
		}
		else {
			values.add(claim.asText());
		}
		return values;
	}

	private static int status(String url, String token) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(url)).GET(), token).statusCode();
	}

	private static JsonNode get(String url, String token) throws IOException, InterruptedException {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).GET(), token);
		assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private static HttpResponse<String> send(HttpRequest.Builder request, String token)
			throws IOException, InterruptedException {
		return http.send(request.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json")
			.timeout(SystemTests.TIMEOUT)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
