/**
 * The audit log: who read or changed which referral, when, and what they were answered.
 * One row per request and referral, with ids only (never patient data). A change that
 * commits writes its row in its own transaction; reads and refused or failed requests
 * write theirs right after the answer. Clinic leads read it at GET /api/audit.
 */
package org.prolo.intake.audit;
