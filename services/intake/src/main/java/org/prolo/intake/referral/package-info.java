/**
 * The referral domain: what a physician submits, the rules it must satisfy, its status
 * and how that maps onto FHIR Task status. Plain Java; adapters live in the feature
 * packages and in {@code storage}.
 */
package org.prolo.intake.referral;
