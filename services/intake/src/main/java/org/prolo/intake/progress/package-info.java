/**
 * Following the referral's progress through the clinic: the Kafka listener on the
 * workflow's topic and the use case FollowingReferralProgress that moves the status, once
 * per event.
 */
package org.prolo.intake.progress;
