/**
 * Demo users, groups and Tasklist filters, so that a fresh system can be walked through
 * in Tasklist (prolo.demo-users.enabled, default true).
 */
package org.prolo.workflow.demo;
