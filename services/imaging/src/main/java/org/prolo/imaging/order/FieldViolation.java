package org.prolo.imaging.order;

/** One reason a field of a report was refused, named as the client sent it. */
public record FieldViolation(String field, String message) {
}
