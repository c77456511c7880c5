package org.prolo.intake.submission;

import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.prolo.intake.referral.SubmissionPolicy;

/**
 * Reports each rule of the submission policy the request breaks as a violation on its
 * field; the referrer's parts the body leaves out are the sign-in's, filled in later (and
 * checked again by the use case).
 */
class SubmissionPolicyValidator implements ConstraintValidator<ConformsToSubmissionPolicy, SubmitReferralRequest> {

	@Override
	public boolean isValid(SubmitReferralRequest request, ConstraintValidatorContext context) {
		if (request == null) {
			return true;
		}
		LocalDate today = LocalDate.ofInstant(context.getClockProvider().getClock().instant(), ZoneOffset.UTC);
		var violations = SubmissionPolicy.violationsOf(request.toDraft(), today)
			.stream()
			.filter(violation -> !request.leavesToSignIn(violation.field()))
			.toList();
		if (violations.isEmpty()) {
			return true;
		}
		context.disableDefaultConstraintViolation();
		for (var violation : violations) {
			var builder = context.buildConstraintViolationWithTemplate(escape(violation.message()));
			// "patient.name" is the property "name" inside the property "patient".
			String[] path = violation.field().split("\\.");
			var node = builder.addPropertyNode(path[0]);
			for (int i = 1; i < path.length; i++) {
				node = node.addPropertyNode(path[i]);
			}
			node.addConstraintViolation();
		}
		return false;
	}

	// Messages are templates: braces and dollar signs would be interpolated.
	private static String escape(String message) {
		return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
	}

}
