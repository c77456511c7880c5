package org.prolo.intake.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;

import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HAPI FHIR's RestfulServer as a servlet at /fhir, beside Spring MVC; it answers
 * /fhir/metadata with the CapabilityStatement it derives from the providers.
 */
@Configuration(proxyBeanMethods = false)
class FhirServerConfiguration {

	@Bean
	ServletRegistrationBean<RestfulServer> fhirServlet(ServiceRequestProvider serviceRequests, TaskProvider tasks) {
		FhirContext fhir = FhirContext.forR4();
		// Unknown elements are ignored, as the JSON API ignores unknown members; a value
		// of the wrong format (a bad date, an unknown code) is a 400. No logging: the
		// messages quote values, which may be patient data.
		fhir.setParserErrorHandler(new LenientErrorHandler(false));
		var server = new RestfulServer(fhir);
		server.setResourceProviders(serviceRequests, tasks);
		server.setDefaultResponseEncoding(EncodingEnum.JSON);
		server.setServerName("Prolotherapy referral intake");
		server.setImplementationDescription("Referrals for prolotherapy as FHIR R4 ServiceRequest and Task");
		server.registerInterceptor(new FhirErrors());
		var registration = new ServletRegistrationBean<>(server, "/fhir/*");
		registration.setName("fhir");
		registration.setLoadOnStartup(1);
		return registration;
	}

}
