/**
 * What every HTTP adapter of intake shares: the referral as the API shows it, RFC 9457
 * problem responses, and the OpenAPI description.
 */
package org.prolo.intake.web;
