package org.prolo.portal.intake;

/**
 * What to ask intake's list for.
 *
 * @param page from 0, as intake counts
 * @param status a status code, or null for all
 * @param reference a prefix of the physician's own reference, or null for all
 */
public record ReferralListQuery(int page, int size, String status, String reference) {

}
