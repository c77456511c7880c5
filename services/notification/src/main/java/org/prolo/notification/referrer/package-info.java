/**
 * Who to write to about each referral, learned from ReferralSubmitted, and the course
 * dates learned from scheduling. The record is domain; the repositories are JDBC
 * adapters.
 */
package org.prolo.notification.referrer;
