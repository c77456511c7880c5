package org.prolo.portal.figures;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The overview's calls, as the signed-in clinic lead. Never throws for what a service
 * answers or fails to answer: each call gives its figures or the reason they are missing.
 * A sign-in that has to be renewed still ends the request (the portal sends the browser
 * to sign in), as on every other page.
 */
public class ClinicFigures {

	private static final Logger log = LoggerFactory.getLogger(ClinicFigures.class);

	private final RestClient timeline;

	private final RestClient workflow;

	ClinicFigures(RestClient timeline, RestClient workflow) {
		this.timeline = timeline;
		this.workflow = workflow;
	}

	/** Open referrals by status, and each stage's durations over the last weeks. */
	public Fetched<KpiTrend> trend(int weeks) {
		return fetch("timeline service",
				() -> this.timeline.get()
					.uri(uri -> uri.path("/api/kpis/trend").queryParam("weeks", weeks).build())
					.accept(MediaType.APPLICATION_JSON)
					.retrieve()
					.body(KpiTrend.class));
	}

	/** Open tasks past their due date, per candidate group. */
	public Fetched<OverdueTasks> overdueTasks() {
		return fetch("workflow service",
				() -> this.workflow.get()
					.uri("/api/overdue-tasks")
					.accept(MediaType.APPLICATION_JSON)
					.retrieve()
					.body(OverdueTasks.class));
	}

	private static <T> Fetched<T> fetch(String service, Supplier<T> call) {
		try {
			T figures = call.get();
			if (figures == null) {
				log.warn("The {} answered without figures", service);
				return Fetched.missing("The " + service + " answered without figures.");
			}
			return Fetched.of(figures);
		}
		catch (RestClientResponseException ex) {
			HttpStatusCode status = ex.getStatusCode();
			log.warn("The {} answered {} to the overview's call", service, status.value());
			if (status.value() == 401 || status.value() == 403) {
				return Fetched.missing("The " + service + " did not accept your sign-in (it answered " + status.value()
						+ "). Signing out and in again may help.");
			}
			return Fetched.missing("The " + service + " is not available (it answered " + status.value() + ").");
		}
		catch (RestClientException ex) {
			// Connection refused, a timeout, or JSON the portal cannot read. The message
			// names only the URL; the class says which.
			log.warn("The {} did not answer the overview's call: {}", service, ex.getClass().getSimpleName());
			return Fetched.missing("The " + service + " did not answer.");
		}
	}

}
