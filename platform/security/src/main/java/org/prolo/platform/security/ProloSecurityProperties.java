package org.prolo.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Where the identity service is and who this service is to it. The issuer is the
 * {@code iss} string in tokens; services may reach the provider under another name
 * (internal-uri, e.g. http://identity:9000 in docker-compose) than browsers do
 * (browser-uri). Another OpenID Connect provider (Keycloak, Entra ID...) is used by
 * setting its issuer, its keys (jwk-set-uri) and endpoints (authorization-uri, token-uri,
 * user-info-uri, end-session-uri; from its discovery document), the claim its groups are
 * in (groups-claim) and the audience its access tokens for the product carry (audiences).
 */
@ConfigurationProperties("prolo.security")
public class ProloSecurityProperties {

	private String issuer = "http://localhost:9000";

	private String internalUri;

	private String browserUri;

	private String jwkSetUri;

	private String authorizationUri;

	private String tokenUri;

	private String userInfoUri;

	private String endSessionUri;

	/**
	 * The claim that holds the caller's groups; a dotted path reaches into objects, e.g.
	 * {@code realm_access.roles} for Keycloak's realm roles.
	 */
	private String groupsClaim = "groups";

	/**
	 * An access token is accepted only if its {@code aud} holds one of these: a token the
	 * provider issued for another service or client is refused.
	 */
	private List<String> audiences = List.of("prolo");

	/**
	 * The browser sign-in client; its secret has no default (PROLO_SECURITY_LOGIN_SECRET,
	 * or the demo profile's), see {@link DemoSecretCheck}.
	 */
	private final Client login = new Client("prolo-web", null);

	private final Client client = new Client(null, null);

	private DataSize maxRequestSize = DataSize.ofMegabytes(1);

	private String contentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
			+ "frame-ancestors 'none'; object-src 'none'; base-uri 'self'";

	/**
	 * Where the APIs live: below these a path has one spelling only (no trailing slash,
	 * the prefix in this case), see CanonicalPathFirewall.
	 */
	private List<String> apiPathPrefixes = List.of("/api/", "/fhir/");

	public String getIssuer() {
		return issuer;
	}

	public void setIssuer(String issuer) {
		this.issuer = issuer;
	}

	public String getInternalUri() {
		return internalUri != null ? internalUri : issuer;
	}

	public void setInternalUri(String internalUri) {
		this.internalUri = internalUri;
	}

	public String getBrowserUri() {
		return browserUri != null ? browserUri : issuer;
	}

	public void setBrowserUri(String browserUri) {
		this.browserUri = browserUri;
	}

	/**
	 * Where the provider's signing keys are; by default the identity service's
	 * {@code /oauth2/jwks} at the internal address. (The discovery document is not read:
	 * services start and answer their probes without the provider.)
	 */
	public String getJwkSetUri() {
		return jwkSetUri != null ? jwkSetUri : getInternalUri() + "/oauth2/jwks";
	}

	public void setJwkSetUri(String jwkSetUri) {
		this.jwkSetUri = jwkSetUri;
	}

	/**
	 * Where browsers sign in; by default the identity service's at the browser address.
	 */
	public String getAuthorizationUri() {
		return authorizationUri != null ? authorizationUri : getBrowserUri() + "/oauth2/authorize";
	}

	public void setAuthorizationUri(String authorizationUri) {
		this.authorizationUri = authorizationUri;
	}

	/** Where the service gets tokens; by default the identity service's. */
	public String getTokenUri() {
		return tokenUri != null ? tokenUri : getInternalUri() + "/oauth2/token";
	}

	public void setTokenUri(String tokenUri) {
		this.tokenUri = tokenUri;
	}

	public String getUserInfoUri() {
		return userInfoUri != null ? userInfoUri : getInternalUri() + "/userinfo";
	}

	public void setUserInfoUri(String userInfoUri) {
		this.userInfoUri = userInfoUri;
	}

	/** Where "Sign out" sends browsers to end the provider's session too. */
	public String getEndSessionUri() {
		return endSessionUri != null ? endSessionUri : getBrowserUri() + "/connect/logout";
	}

	public void setEndSessionUri(String endSessionUri) {
		this.endSessionUri = endSessionUri;
	}

	public String getGroupsClaim() {
		return groupsClaim;
	}

	public void setGroupsClaim(String groupsClaim) {
		this.groupsClaim = groupsClaim;
	}

	public List<String> getAudiences() {
		return audiences;
	}

	public void setAudiences(List<String> audiences) {
		this.audiences = List.copyOf(audiences);
	}

	public Client getLogin() {
		return login;
	}

	public Client getClient() {
		return client;
	}

	public DataSize getMaxRequestSize() {
		return maxRequestSize;
	}

	public void setMaxRequestSize(DataSize maxRequestSize) {
		this.maxRequestSize = maxRequestSize;
	}

	public String getContentSecurityPolicy() {
		return contentSecurityPolicy;
	}

	public void setContentSecurityPolicy(String contentSecurityPolicy) {
		this.contentSecurityPolicy = contentSecurityPolicy;
	}

	public List<String> getApiPathPrefixes() {
		return apiPathPrefixes;
	}

	public void setApiPathPrefixes(List<String> apiPathPrefixes) {
		this.apiPathPrefixes = List.copyOf(apiPathPrefixes);
	}

	public static class Client {

		private String id;

		private String secret;

		Client(String id, String secret) {
			this.id = id;
			this.secret = secret;
		}

		public String getId() {
			return id;
		}

		public void setId(String id) {
			this.id = id;
		}

		public String getSecret() {
			return secret;
		}

		public void setSecret(String secret) {
			this.secret = secret;
		}

	}

}
