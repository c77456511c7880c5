/**
 * Camunda adapters of the referral process: beans the BPMN calls by expression (due
 * dates, task input validation, overdue escalation, stage events, decision results,
 * imaging request). Thin: they map process variables to the lifecycle domain and back.
 */
package org.prolo.workflow.process;
