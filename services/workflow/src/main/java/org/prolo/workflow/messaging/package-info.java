/**
 * Messages from other services that a waiting process instance receives
 * (ReferralWithdrawn, ReferralInfoProvided, ImagingReported), correlated by business key;
 * an imaging report that arrives before the process waits is kept.
 */
package org.prolo.workflow.messaging;
