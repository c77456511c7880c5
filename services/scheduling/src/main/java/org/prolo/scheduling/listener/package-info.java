/**
 * Takes accepted referrals and planned courses off workflow.referral-events and books
 * them, once per event whatever the number of deliveries.
 */
package org.prolo.scheduling.listener;
