package org.prolo.intake.submission;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The request satisfies the domain's {@link org.prolo.intake.referral.SubmissionPolicy}.
 */
@Documented
@Constraint(validatedBy = SubmissionPolicyValidator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ConformsToSubmissionPolicy {

	String message() default "breaks the submission policy";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
