package org.prolo.identity.clients;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.prolo.identity.IdentityProperties;
import org.prolo.identity.credentials.StoredCredentialPolicy;
import org.prolo.identity.credentials.StoredCredentialPolicy.ClientSecret;
import org.prolo.identity.credentials.UnsafeSettingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Outside profile demo: the clients listed in {@code prolo.identity.clients}, each with
 * the secret given there. The service does not start with a client it does not know, a
 * confidential client without a secret, a public client with one, a secret in plain text
 * that is short or a demo secret, or a hash of a demo secret.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!demo")
class ConfiguredClients {

	private static final Logger log = LoggerFactory.getLogger(ConfiguredClients.class);

	@Bean
	RegisteredClientRepository registeredClientRepository(IdentityProperties properties, PasswordEncoder encoder,
			StoredCredentialPolicy policy) {
		ProductClients catalogue = new ProductClients(properties);
		List<RegisteredClient> clients = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < properties.clients().size(); i++) {
			IdentityProperties.Client client = properties.clients().get(i);
			String setting = "prolo.identity.clients[" + i + "]";
			if (client.id() == null || !ProductClients.ids().contains(client.id())) {
				throw new UnsafeSettingException(setting + ".id",
						"'" + client.id() + "' is none of the product's clients " + ProductClients.ids());
			}
			if (!seen.add(client.id())) {
				throw new UnsafeSettingException(setting + ".id", "client " + client.id() + " is listed twice");
			}
			clients.add(catalogue.client(client.id(), encodedSecret(setting, client, encoder, policy)).orElseThrow());
		}
		if (clients.isEmpty()) {
			log.warn("No clients configured (prolo.identity.clients): nothing can get a token. "
					+ "Run with profile demo for the demo clients.");
			return new NoClients();
		}
		log.info("Clients: {}", clients.stream().map(RegisteredClient::getClientId).toList());
		return new InMemoryRegisteredClientRepository(clients);
	}

	private static String encodedSecret(String setting, IdentityProperties.Client client, PasswordEncoder encoder,
			StoredCredentialPolicy policy) {
		if (ProductClients.isPublic(client.id())) {
			if (client.secret() != null && !client.secret().isBlank()) {
				throw new UnsafeSettingException(setting + ".secret",
						"client " + client.id() + " is public (PKCE) and has no secret; remove the setting");
			}
			return null;
		}
		ClientSecret secret = policy.clientSecret(setting + ".secret", client.id(), client.secret(),
				ProductClients.demoSecrets());
		return secret.hashed() ? secret.value() : encoder.encode(secret.value());
	}

	/** The in-memory repository refuses to hold no client at all. */
	private static final class NoClients implements RegisteredClientRepository {

		@Override
		public void save(RegisteredClient registeredClient) {
			throw new UnsupportedOperationException("Clients come from prolo.identity.clients");
		}

		@Override
		public RegisteredClient findById(String id) {
			return null;
		}

		@Override
		public RegisteredClient findByClientId(String clientId) {
			return null;
		}

	}

}
