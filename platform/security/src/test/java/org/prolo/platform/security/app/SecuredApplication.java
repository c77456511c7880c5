package org.prolo.platform.security.app;

import java.util.Map;

import org.prolo.platform.security.Caller;
import org.prolo.platform.security.Roles;
import org.prolo.platform.security.ServiceAccessRules;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A service as small as possible, to test the shared security on its own. */
@SpringBootApplication
public class SecuredApplication {

	@Bean
	ServiceAccessRules cliniciansOnly() {
		return requests -> requests.requestMatchers(HttpMethod.POST, "/api/exams")
			.hasAuthority(Roles.group(Roles.CLINICIANS));
	}

	@RestController
	static class Endpoints {

		@GetMapping("/api/me")
		Caller me(Caller caller) {
			return caller;
		}

		@PostMapping("/api/exams")
		Map<String, Object> exam(Caller caller, @RequestBody Map<String, Object> body) {
			return Map.of("by", caller.id(), "size", body.size());
		}

		@GetMapping(path = "/page", produces = "text/html")
		String page() {
			return "<!doctype html><title>page</title>";
		}

	}

}
