package org.prolo.platform.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.prolo.platform.security.DemoSecretCheck.DemoSecretRefusedException;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.client.servlet.OAuth2ClientAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each service's own configuration files, as they ship, under the shared security
 * auto-configuration: without the demo profile a service refuses to start until its
 * secrets are supplied the way an operator supplies them (environment variables), and the
 * demo profile starts it with the demo secrets.
 */
class DemoSecretCheckTests {

	static final Path SERVICES = servicesDirectory();

	/**
	 * The services that sign in at the identity service (all but the identity service).
	 */
	static List<String> signedInServices() throws IOException {
		try (Stream<Path> dirs = Files.list(SERVICES)) {
			return dirs.filter(dir -> Files.isRegularFile(dir.resolve("src/main/resources/application.yml")))
				.map(dir -> dir.getFileName().toString())
				.filter(name -> !name.equals("identity"))
				.sorted()
				.toList();
		}
	}

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ProloSecurityAutoConfiguration.class, SecurityAutoConfiguration.class,
				OAuth2ResourceServerAutoConfiguration.class, OAuth2ClientAutoConfiguration.class,
				WebMvcAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
				HttpMessageConvertersAutoConfiguration.class));

	@ParameterizedTest
	@MethodSource("signedInServices")
	void refusesToStartWithoutTheDemoProfileAndNamesEverySecretToSupply(String service) {
		runner.withInitializer(context -> shippedConfiguration(service, context.getEnvironment(), false, Map.of()))
			.run(context -> {
				assertThat(context).hasFailed();
				DemoSecretRefusedException refused = refusal(context.getStartupFailure());
				assertThat(refused).as(service + " must refuse").isNotNull();
				assertThat(refused.getMessage()).contains(DemoSecretCheck.LOGIN_SECRET);
				if (usesClientCredentials(service)) {
					assertThat(refused.getMessage()).contains(DemoSecretCheck.CLIENT_SECRET);
				}
				assertThat(new DemoSecretFailureAnalyzer().analyze(context.getStartupFailure()))
					.extracting(FailureAnalysis::getDescription)
					.asString()
					.contains(DemoSecretCheck.LOGIN_SECRET);
			});
	}

	@ParameterizedTest
	@MethodSource("signedInServices")
	void startsWithoutTheDemoProfileOnceTheSecretsAreSupplied(String service) {
		Map<String, Object> variables = Map.of(DemoSecretCheck.LOGIN_SECRET, "k7PqLz-web",
				DemoSecretCheck.CLIENT_SECRET, "Vd93mQ-" + service);
		runner.withInitializer(context -> shippedConfiguration(service, context.getEnvironment(), false, variables))
			.run(context -> assertThat(context).hasNotFailed().hasSingleBean(DemoSecretCheck.class));
	}

	@ParameterizedTest
	@MethodSource("signedInServices")
	void startsInTheDemoProfileWithTheDemoSecretsItBrings(String service) {
		runner.withInitializer(context -> shippedConfiguration(service, context.getEnvironment(), true, Map.of()))
			.run(context -> {
				assertThat(context).hasNotFailed();
				ProloSecurityProperties properties = context.getBean(ProloSecurityProperties.class);
				assertThat(properties.getLogin().getSecret()).isEqualTo("prolo-web-secret");
			});
	}

	@Test
	void refusesASuppliedSecretThatIsAnyDemoClientsSecret() {
		ProloSecurityProperties properties = new ProloSecurityProperties();
		properties.getLogin().setSecret("prometheus-secret");
		properties.getClient().setId("billing");
		properties.getClient().setSecret("billing-secret");

		assertThat(DemoSecretCheck.problems(properties)).hasSize(2)
			.anySatisfy(problem -> assertThat(problem).contains("'prolo-web'", "PROLO_SECURITY_LOGIN_SECRET"))
			.anySatisfy(problem -> assertThat(problem).contains("'billing'", "PROLO_SECURITY_CLIENT_SECRET"));
	}

	@Test
	void asksForNoClientSecretWhereTheServiceMakesNoClientCredentialsCalls() {
		ProloSecurityProperties properties = new ProloSecurityProperties();
		properties.getLogin().setSecret("k7PqLz-web");

		assertThat(DemoSecretCheck.problems(properties)).isEmpty();
		properties.getClient().setId("intake");
		assertThat(DemoSecretCheck.problems(properties)).singleElement()
			.asString()
			.contains("No secret for client 'intake'", "PROLO_SECURITY_CLIENT_SECRET");
	}

	private static boolean usesClientCredentials(String service) {
		try {
			return Files.readString(SERVICES.resolve(service).resolve("src/main/resources/application.yml"))
				.contains("client:");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * application.yml (and application-demo.yml over it when demo), as Spring Boot would
	 * read them from the jar, and operator variables as the process environment.
	 */
	private static void shippedConfiguration(String service, ConfigurableEnvironment environment, boolean demo,
			Map<String, Object> variables) {
		Path resources = SERVICES.resolve(service).resolve("src/main/resources");
		YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
		try {
			yaml.load("application.yml", new FileSystemResource(resources.resolve("application.yml")))
				.forEach(source -> environment.getPropertySources().addLast(source));
			if (demo) {
				environment.setActiveProfiles(DemoSecretCheck.DEMO_PROFILE);
				Path demoFile = resources.resolve("application-demo.yml");
				assertThat(demoFile).as(service + " has a demo profile").exists();
				yaml.load("application-demo.yml", new FileSystemResource(demoFile))
					.forEach(source -> environment.getPropertySources().addFirst(source));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		environment.getPropertySources()
			// Spring Boot maps PROLO_SECURITY_... to properties only in a source named
			// like the system environment.
			.addFirst(new SystemEnvironmentPropertySource(
					"operator-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
	}

	private static DemoSecretRefusedException refusal(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DemoSecretRefusedException refused) {
				return refused;
			}
		}
		return null;
	}

	private static Path servicesDirectory() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isDirectory(dir.resolve("services")) && Files.isRegularFile(dir.resolve("mvnw"))) {
				return dir.resolve("services");
			}
		}
		throw new IllegalStateException("No services directory above " + Path.of("").toAbsolutePath());
	}

}
