package org.prolo.identity;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the identity service ({@code prolo.identity.*}); their defaults are in
 * application.yml.
 *
 * @param issuer the issuer every token and the discovery document name, whatever host the
 * service is reached on (docker-compose reaches it as http://identity:9000 and keeps
 * http://localhost:9000, the address browsers use)
 * @param keyFile where the signing key lives
 * @param redirectHosts the hosts of prolo-web's redirect URIs
 * @param redirectPorts the ports of prolo-web's redirect URIs, one per service
 */
@ConfigurationProperties("prolo.identity")
public record IdentityProperties(String issuer, Path keyFile, List<String> redirectHosts, List<Integer> redirectPorts) {

	public IdentityProperties {
		Objects.requireNonNull(issuer, "prolo.identity.issuer");
		Objects.requireNonNull(keyFile, "prolo.identity.key-file");
		redirectHosts = List.copyOf(redirectHosts);
		redirectPorts = List.copyOf(redirectPorts);
	}

}
