/**
 * Answering triage's request for more information: the use case
 * AnsweringInformationRequest and its REST adapter POST /api/referrals/{id}/information.
 */
package org.prolo.intake.information;
