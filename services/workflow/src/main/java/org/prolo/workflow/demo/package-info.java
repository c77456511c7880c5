/**
 * Demo users, groups and Tasklist filters, so that a fresh system can be walked through
 * in Tasklist; the demo profile only.
 */
package org.prolo.workflow.demo;
