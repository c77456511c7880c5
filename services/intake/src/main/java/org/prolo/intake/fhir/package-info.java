/**
 * FHIR R4 intake at /fhir: an EHR submits a referral as a ServiceRequest (through the
 * same use case, validation and Idempotency-Key as the JSON API), reads it back, and
 * follows it as a Task whose status is the referral's FHIR Task status. HAPI FHIR's plain
 * RESTful server; the resource providers only map FHIR to the use cases and back.
 */
package org.prolo.intake.fhir;
