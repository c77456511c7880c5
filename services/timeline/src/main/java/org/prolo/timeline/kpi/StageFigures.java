package org.prolo.timeline.kpi;

/**
 * One stage's figures; the hours are null when no referral completed the stage yet.
 *
 * @param count referrals that completed the stage
 */
public record StageFigures(String stage, int count, Double medianHours, Double p90Hours) {
}
