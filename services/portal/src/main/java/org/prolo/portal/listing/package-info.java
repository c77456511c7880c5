/**
 * The start page, "My referrals": the signed-in physician's referrals, newest first, with
 * their status in words and as a FHIR Task code, and the ones waiting for the physician's
 * answer marked.
 */
package org.prolo.portal.listing;
