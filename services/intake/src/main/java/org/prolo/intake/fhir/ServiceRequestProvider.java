package org.prolo.intake.fhir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.prolo.intake.referral.InvalidReferralException;
import org.prolo.intake.referral.PlainText;
import org.prolo.intake.referral.ReferralAccessDeniedException;
import org.prolo.intake.referral.ReferralNotFoundException;
import org.prolo.intake.submission.IdempotencyKeyReusedException;
import org.prolo.intake.submission.Submission;
import org.prolo.intake.submission.SubmissionHash;
import org.prolo.intake.submission.SubmissionRateLimitedException;
import org.prolo.intake.submission.SubmitReferralRequest;
import org.prolo.intake.submission.SubmittingReferral;
import org.prolo.intake.tracking.ReadingReferrals;

import org.springframework.stereotype.Component;

/**
 * POST /fhir/ServiceRequest submits a referral through {@link SubmittingReferral}, with
 * the JSON API's validation, Idempotency-Key, ownership and rate limit; GET
 * /fhir/ServiceRequest/{id} reads it back through {@link ReadingReferrals}, so another
 * physician's is a 404 as in the JSON API.
 */
@Component
class ServiceRequestProvider implements IResourceProvider {

	static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

	private static final int MAX_KEY_LENGTH = 200;

	private final SubmittingReferral submitting;

	private final ReadingReferrals reading;

	private final Validator validator;

	private final SubmissionHash hash;

	ServiceRequestProvider(SubmittingReferral submitting, ReadingReferrals reading, Validator validator,
			ObjectMapper json) {
		this.submitting = submitting;
		this.reading = reading;
		this.validator = validator;
		this.hash = new SubmissionHash(json);
	}

	@Override
	public Class<ServiceRequest> getResourceType() {
		return ServiceRequest.class;
	}

	@Create
	public MethodOutcome create(@ResourceParam ServiceRequest resource, HttpServletRequest http,
			HttpServletResponse response) {
		var keyProblems = new ArrayList<Problem>();
		Optional<String> key = idempotencyKey(resource, http.getHeader(Problem.IDEMPOTENCY_KEY_HEADER), keyProblems);
		var mapped = ServiceRequestMapping.toRequest(resource);
		var problems = problems(keyProblems, mapped);
		if (!problems.isEmpty()) {
			throw invalid(problems);
		}
		Submission submission;
		try {
			SubmitReferralRequest request = mapped.request().inNameOf(FhirCallers.referrer());
			submission = submitting.submit(FhirCallers.actor(), request.toDraft(), key, hash.of(request));
		}
		catch (ReferralAccessDeniedException ex) {
			var problem = new Problem((ex.field() != null) ? ex.field() : Problem.IDENTIFIER, IssueType.FORBIDDEN,
					ex.getMessage());
			throw new ForbiddenOperationException(ex.getMessage(), Problem.outcomeOf(List.of(problem)));
		}
		catch (SubmissionRateLimitedException ex) {
			BaseServerResponseException tooMany = BaseServerResponseException.newInstance(429, ex.getMessage());
			tooMany.addResponseHeader("Retry-After", String.valueOf(ex.retryAfterSeconds()));
			throw tooMany;
		}
		catch (IdempotencyKeyReusedException ex) {
			var outcome = Problem.outcomeOf(List.of(new Problem(
					key.equals(Optional.ofNullable(http.getHeader(Problem.IDEMPOTENCY_KEY_HEADER)))
							? Problem.IDEMPOTENCY_KEY_HEADER : Problem.IDENTIFIER,
					IssueType.DUPLICATE, "was already used with a different request")));
			throw new UnprocessableEntityException(ex.getMessage(), outcome);
		}
		catch (InvalidReferralException ex) {
			throw invalid(ex.violations().stream().map(v -> Problem.of(v.field(), v.message())).toList());
		}
		var outcome = new MethodOutcome(new IdType("ServiceRequest", submission.referral().id()));
		outcome.setCreated(!submission.replayed());
		outcome.setResource(ServiceRequestMapping.toResource(submission.referral()));
		if (submission.replayed()) {
			response.addHeader(IDEMPOTENT_REPLAYED, "true");
		}
		return outcome;
	}

	@Read
	public ServiceRequest read(@IdParam IdType id) {
		try {
			return ServiceRequestMapping.toResource(reading.read(FhirCallers.actor(), id.getIdPart()));
		}
		catch (ReferralNotFoundException ex) {
			throw new ResourceNotFoundException(id);
		}
	}

	/**
	 * The Idempotency-Key header when sent, otherwise the ServiceRequest's first
	 * identifier as system|value (value alone without a system): the placer's order
	 * number makes a resent order a replay.
	 */
	private static Optional<String> idempotencyKey(ServiceRequest resource, String header, List<Problem> problems) {
		String field = Problem.IDEMPOTENCY_KEY_HEADER;
		String key = header;
		if (key == null) {
			field = Problem.IDENTIFIER;
			key = resource.getIdentifier()
				.stream()
				.filter(Identifier::hasValue)
				.findFirst()
				.map(identifier -> identifier.hasSystem() ? identifier.getSystem() + "|" + identifier.getValue()
						: identifier.getValue())
				.orElse(null);
		}
		if (key == null) {
			return Optional.empty();
		}
		if (key.isBlank() || key.length() > MAX_KEY_LENGTH || !PlainText.isPlain(key)) {
			problems.add(new Problem(field, IssueType.VALUE,
					"must be 1 to " + MAX_KEY_LENGTH + " non-blank characters without control characters"));
		}
		return Optional.of(key);
	}

	/**
	 * One problem per field: the mapping's own first (it knows the FHIR side), then Bean
	 * Validation's and the submission policy's, as the JSON API reports them.
	 */
	private List<Problem> problems(List<Problem> keyProblems, ServiceRequestMapping.Mapped mapped) {
		Map<String, Problem> byField = new LinkedHashMap<>();
		keyProblems.forEach(problem -> byField.putIfAbsent(problem.field(), problem));
		mapped.problems().forEach(problem -> byField.putIfAbsent(problem.field(), problem));
		validator.validate(mapped.request())
			.stream()
			.map(violation -> Problem.of(violation.getPropertyPath().toString(), violation.getMessage()))
			.sorted(java.util.Comparator.comparing(Problem::field))
			.forEach(problem -> byField.putIfAbsent(problem.field(), problem));
		return List.copyOf(byField.values());
	}

	private static InvalidRequestException invalid(List<Problem> problems) {
		return new InvalidRequestException(problems.size() + " problem(s) with the ServiceRequest",
				Problem.outcomeOf(problems));
	}

}
