package org.prolo.intake.fhir;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * One thing wrong with a submitted ServiceRequest, named by the field of the JSON request
 * it maps onto (as the submission policy names it) and located in the ServiceRequest by a
 * FHIRPath expression.
 */
record Problem(String field, IssueType type, String message) {

	static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

	static final String IDENTIFIER = "identifier";

	private static final Map<String, String> EXPRESSIONS = expressions();

	/** A policy or Bean Validation message on a field: missing values are "required". */
	static Problem of(String field, String message) {
		boolean missing = message.startsWith("must not be null") || message.startsWith("must not be blank");
		return new Problem(field, missing ? IssueType.REQUIRED : IssueType.VALUE, message);
	}

	String expression() {
		return EXPRESSIONS.getOrDefault(field, "ServiceRequest");
	}

	static OperationOutcome outcomeOf(Collection<Problem> problems) {
		var outcome = new OperationOutcome();
		for (Problem problem : problems) {
			outcome.addIssue()
				.setSeverity(IssueSeverity.ERROR)
				.setCode(problem.type())
				.setDiagnostics(problem.field() + " " + problem.message())
				.addExpression(problem.expression())
				.getDetails()
				.setText(problem.message());
		}
		return outcome;
	}

	private static Map<String, String> expressions() {
		var requester = "ServiceRequest.requester";
		var subject = "ServiceRequest.subject";
		Map<String, String> map = new java.util.HashMap<>(Map.ofEntries(
				Map.entry("referrer.id", requester + ".identifier"),
				Map.entry("referrer.name", requester + ".resolve().name"),
				Map.entry("referrer.email", requester + ".resolve().telecom.where(system = 'email')"),
				Map.entry("patient.pseudonym", subject + ".identifier"),
				Map.entry("patient.name", subject + ".resolve().name"),
				Map.entry("patient.birthDate", subject + ".resolve().birthDate"),
				Map.entry("patient.address", subject + ".resolve().address"),
				Map.entry("condition", "ServiceRequest.reasonCode"), Map.entry("bodySite", "ServiceRequest.bodySite"),
				Map.entry("urgency", "ServiceRequest.priority"), Map.entry("notes", "ServiceRequest.note"),
				Map.entry(IDENTIFIER, "ServiceRequest.identifier"),
				Map.entry("referrerReference", "ServiceRequest.identifier.where(type.coding.code = 'PLAC')"),
				// FHIRPath of an HTTP header, as OperationOutcome.issue.expression names
				// it.
				Map.entry(IDEMPOTENCY_KEY_HEADER, "http." + IDEMPOTENCY_KEY_HEADER)));
		map.putAll(Arrays.stream(ClinicalExtension.values())
			.collect(Collectors.toMap(ClinicalExtension::field,
					extension -> "ServiceRequest.extension('" + extension.url() + "')")));
		return Map.copyOf(map);
	}

}
