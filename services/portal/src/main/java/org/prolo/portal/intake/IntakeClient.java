package org.prolo.portal.intake;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The calls the pages make to intake, as the signed-in physician. Every failure is an
 * {@link IntakeException}; an unreachable or failing intake is
 * {@link IntakeUnavailableException}.
 */
public class IntakeClient {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

	static final String TOTAL_COUNT = "X-Total-Count";

	private static final Logger log = LoggerFactory.getLogger(IntakeClient.class);

	private static final ParameterizedTypeReference<List<IntakeReferral>> REFERRALS = new ParameterizedTypeReference<>() {
	};

	private final RestClient rest;

	IntakeClient(RestClient rest) {
		this.rest = rest;
	}

	/**
	 * One page of the physician's own referrals, newest first, as intake pages and
	 * filters them.
	 */
	public ReferralList referralsOf(String physicianId, ReferralListQuery query) {
		ResponseEntity<List<IntakeReferral>> answer = call(() -> this.rest.get()
			.uri(uri -> uri.path("/api/referrals")
				.queryParam("referrerId", physicianId)
				.queryParam("page", query.page())
				.queryParam("size", query.size())
				.queryParamIfPresent("status", Optional.ofNullable(query.status()))
				.queryParamIfPresent("reference", Optional.ofNullable(query.reference()))
				.build())
			.accept(MediaType.APPLICATION_JSON)
			.retrieve()
			.toEntity(REFERRALS));
		List<IntakeReferral> referrals = (answer.getBody() != null) ? answer.getBody() : List.of();
		return new ReferralList(referrals, total(answer.getHeaders().getFirst(TOTAL_COUNT), referrals.size()));
	}

	private static long total(String header, int onThisPage) {
		try {
			return (header != null) ? Long.parseLong(header) : onThisPage;
		}
		catch (NumberFormatException ex) {
			throw new IntakeUnavailableException("Intake answered a list with an unreadable " + TOTAL_COUNT, ex);
		}
	}

	/**
	 * @throws ReferralNotFoundException for an unknown id or another physician's referral
	 */
	public IntakeReferral referral(String id) {
		IntakeReferral referral = call(() -> this.rest.get()
			.uri("/api/referrals/{id}", id)
			.accept(MediaType.APPLICATION_JSON)
			.retrieve()
			.body(IntakeReferral.class));
		if (referral == null) {
			throw new IntakeUnavailableException("Intake answered without a referral");
		}
		return referral;
	}

	/**
	 * The referral's events, oldest first; empty when intake cannot give them (not there
	 * yet, timeline service down). The page then shows the rest without them.
	 */
	public Optional<List<TimelineEntry>> timeline(String id) {
		try {
			Timeline timeline = call(() -> this.rest.get()
				.uri("/api/referrals/{id}/timeline", id)
				.accept(MediaType.APPLICATION_JSON)
				.retrieve()
				.body(Timeline.class));
			return Optional.of((timeline != null && timeline.entries() != null) ? timeline.entries() : List.of());
		}
		catch (SignInExpiredException ex) {
			throw ex;
		}
		catch (IntakeException ex) {
			log.info("Timeline of referral {} not available: {}", id, ex.getClass().getSimpleName());
			return Optional.empty();
		}
	}

	/**
	 * Submits once per Idempotency-Key: the same form sent twice answers with the
	 * referral the first one created.
	 * @throws InvalidInputException naming every field intake refused
	 * @throws IdempotencyKeyReusedException when the key created a referral with other
	 * answers
	 */
	public SubmittedReferral submit(NewReferral referral, String idempotencyKey) {
		ResponseEntity<Submitted> answer = call(() -> this.rest.post()
			.uri("/api/referrals")
			.header(IDEMPOTENCY_KEY, idempotencyKey)
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.body(referral)
			.retrieve()
			.toEntity(Submitted.class));
		Submitted body = answer.getBody();
		if (body == null || body.id() == null) {
			throw new IntakeUnavailableException("Intake answered a submission without the referral's id");
		}
		boolean replayed = "true".equalsIgnoreCase(answer.getHeaders().getFirst(IDEMPOTENT_REPLAYED));
		log.info("Referral {} submitted{}", body.id(), replayed ? " before (same Idempotency-Key)" : "");
		return new SubmittedReferral(body.id(), body.status(), replayed);
	}

	/**
	 * @throws ReferralStateConflictException when no question is pending any more
	 */
	public void answer(String id, String answer) {
		call(() -> this.rest.post()
			.uri("/api/referrals/{id}/information", id)
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.body(Map.of("answer", (answer != null) ? answer : ""))
			.retrieve()
			.toBodilessEntity());
		log.info("Referral {}: answer to the clinic's question sent", id);
	}

	/**
	 * @param reason optional
	 * @throws ReferralStateConflictException when the referral is already closed
	 */
	public void withdraw(String id, String reason) {
		call(() -> this.rest.post()
			.uri("/api/referrals/{id}/withdrawal", id)
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.body((reason != null) ? Map.of("reason", reason) : Map.of())
			.retrieve()
			.toBodilessEntity());
		log.info("Referral {} withdrawn", id);
	}

	private static <T> T call(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (RestClientException ex) {
			// I/O errors and timeouts (ResourceAccessException), or an answer that is
			// not the JSON the portal expects. The message names only the URL.
			throw new IntakeUnavailableException("Intake did not answer usefully: " + ex.getClass().getSimpleName(),
					ex);
		}
	}

	/** Intake's SubmissionResponse, as far as the portal reads it. */
	record Submitted(String id, String status) {
	}

	/** Intake's timeline answer, as far as the portal reads it. */
	record Timeline(List<TimelineEntry> entries) {
	}

}
