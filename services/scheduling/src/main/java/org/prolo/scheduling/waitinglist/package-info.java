/**
 * Capacity and the waiting list: every booking goes through {@link Allocation}, which
 * serves referrals already waiting before a new one, and puts a referral that finds no
 * free slot within the horizon on the waiting list instead of failing. Clinic leads see
 * the list and add slots over REST; a periodic pass books waiting referrals as days enter
 * the horizon.
 */
package org.prolo.scheduling.waitinglist;
