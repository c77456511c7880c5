package org.prolo.portal.figures;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.prolo.platform.security.problems.FieldProblem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The staff pages' calls, as the signed-in member of staff: the overview's figures, the
 * waiting list, the slots a clinic lead adds. Never throws for what a service answers or
 * fails to answer: each call gives its figures or the reason they are missing. A sign-in
 * that has to be renewed still ends the request (the portal sends the browser to sign
 * in), as on every other page.
 */
public class ClinicFigures {

	private static final Logger log = LoggerFactory.getLogger(ClinicFigures.class);

	private static final ParameterizedTypeReference<List<WaitingReferral>> WAITING = new ParameterizedTypeReference<>() {
	};

	private static final String SCHEDULING = "scheduling service";

	private static final String CHECK_THE_LIST = "The slots may have been added all the same: check the waiting list "
			+ "before adding them again.";

	private final RestClient timeline;

	private final RestClient workflow;

	private final RestClient scheduling;

	ClinicFigures(RestClient timeline, RestClient workflow, RestClient scheduling) {
		this.timeline = timeline;
		this.workflow = workflow;
		this.scheduling = scheduling;
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

	/**
	 * Referrals waiting for an appointment, exams then courses, each in the order
	 * scheduling serves them (urgent first, then the longest waiting).
	 */
	public Fetched<List<WaitingReferral>> waitingList() {
		return fetch(SCHEDULING,
				() -> this.scheduling.get()
					.uri("/api/waiting-list")
					.accept(MediaType.APPLICATION_JSON)
					.retrieve()
					.body(WAITING));
	}

	/**
	 * Adds slots on a day; scheduling books waiting referrals into them at once. Not
	 * retried: a call that timed out may have added them.
	 */
	public SlotsAnswer addSlots(LocalDate date, int slots) {
		try {
			AddedSlots added = this.scheduling.post()
				.uri("/api/capacity")
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.body(Map.of("date", date.toString(), "slots", slots))
				.retrieve()
				.body(AddedSlots.class);
			if (added == null || added.date() == null) {
				log.warn("The {} answered added slots without the day", SCHEDULING);
				return SlotsAnswer
					.failed("The " + SCHEDULING + " answered without saying what it added. " + CHECK_THE_LIST);
			}
			log.info("{} slot(s) added on a day, {} waiting referral(s) booked", slots, added.booked().size());
			return SlotsAnswer.of(added);
		}
		catch (RestClientResponseException ex) {
			if (ex.getStatusCode().value() == 400) {
				log.info("The {} refused the slots to add (400)", SCHEDULING);
				return SlotsAnswer.refused(problems(ex));
			}
			return SlotsAnswer.failed(whyMissing(SCHEDULING, ex) + " No slots were added.");
		}
		catch (RestClientException ex) {
			return SlotsAnswer.failed(whyMissing(SCHEDULING, ex) + " " + CHECK_THE_LIST);
		}
	}

	/** The fields a 400 problem names; its detail when it names none. */
	private static List<FieldProblem> problems(RestClientResponseException ex) {
		Problem problem = null;
		try {
			problem = ex.getResponseBodyAs(Problem.class);
		}
		catch (RuntimeException unreadable) {
			log.warn("The {} answered 400 with a problem the portal cannot read: {}", SCHEDULING,
					unreadable.getClass().getSimpleName());
		}
		if (problem != null && problem.errors() != null && !problem.errors().isEmpty()) {
			return problem.errors();
		}
		String what = (problem != null && problem.detail() != null) ? problem.detail() : "was refused";
		return List.of(new FieldProblem("request", what));
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
		catch (RestClientException ex) {
			return Fetched.missing(whyMissing(service, ex));
		}
	}

	/** The reason in words for the page; logs the status or the failure's class. */
	private static String whyMissing(String service, RestClientException ex) {
		if (ex instanceof RestClientResponseException answered) {
			HttpStatusCode status = answered.getStatusCode();
			log.warn("The {} answered {} to a staff page's call", service, status.value());
			if (status.value() == 401 || status.value() == 403) {
				return "The " + service + " did not accept your sign-in (it answered " + status.value()
						+ "). Signing out and in again may help.";
			}
			return "The " + service + " is not available (it answered " + status.value() + ").";
		}
		// Connection refused, a timeout, or JSON the portal cannot read. The message
		// names only the URL; the class says which.
		log.warn("The {} did not answer a staff page's call: {}", service, ex.getClass().getSimpleName());
		return "The " + service + " did not answer.";
	}

	/** The members of an RFC 9457 problem the portal reads. */
	record Problem(String detail, List<FieldProblem> errors) {
	}

}
