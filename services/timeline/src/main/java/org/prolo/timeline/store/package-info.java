/**
 * Application services and JDBC persistence: records each event once, keeps the
 * referral's status and reads timelines for the web and the key figures.
 */
package org.prolo.timeline.store;
