package org.prolo.portal.intake;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * One log line per call to intake: method, path (referral ids only; the query, which
 * names the physician, is left out) and intake's status. Never a body or a header: the
 * bodies carry patient data, the headers the physician's token.
 */
final class IntakeCallLog implements ClientHttpRequestInterceptor {

	private static final Logger log = LoggerFactory.getLogger(IntakeClient.class);

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		try {
			ClientHttpResponse response = execution.execute(request, body);
			log.info("Intake answered {} to {} {}", response.getStatusCode().value(), request.getMethod(),
					request.getURI().getPath());
			return response;
		}
		catch (IOException ex) {
			log.warn("Intake did not answer {} {}: {}", request.getMethod(), request.getURI().getPath(),
					ex.getClass().getSimpleName());
			throw ex;
		}
	}

}
