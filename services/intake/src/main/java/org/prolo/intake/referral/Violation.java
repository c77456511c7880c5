package org.prolo.intake.referral;

/**
 * One broken rule of a submission, named by the request field it concerns (dotted path).
 */
public record Violation(String field, String message) {

}
