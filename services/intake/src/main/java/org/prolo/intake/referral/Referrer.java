package org.prolo.intake.referral;

/** The referring physician; letters go to the email. */
public record Referrer(String id, String name, String email) {

}
