/**
 * The workflow's domain metrics for Prometheus: referrals closed by outcome, time spent
 * in each human stage, open tasks per candidate group.
 */
package org.prolo.workflow.metrics;
