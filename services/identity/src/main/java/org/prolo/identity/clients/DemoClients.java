package org.prolo.identity.clients;

import org.prolo.identity.IdentityProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Profile demo: every client of the contract, with the secret {@code <client-id>-secret}
 * that the README and the local stack's services know, hashed at start.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoClients {

	@Bean
	RegisteredClientRepository registeredClientRepository(IdentityProperties properties, PasswordEncoder encoder) {
		return new InMemoryRegisteredClientRepository(
				new ProductClients(properties).all((clientId) -> encoder.encode(ProductClients.demoSecret(clientId))));
	}

}
