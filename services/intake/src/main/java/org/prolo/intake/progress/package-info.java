/**
 * Following the referral's progress through the clinic: the Kafka listeners on the
 * workflow's and scheduling's topics and the use case FollowingReferralProgress that
 * moves the status and keeps whether the planned course waits for dates, once per event.
 */
package org.prolo.intake.progress;
