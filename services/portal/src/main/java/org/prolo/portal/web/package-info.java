/**
 * What every page shares: physicians only on theirs and only the named staff groups on
 * the staff pages (a friendly 403 page for everyone else), the signed-in person's name
 * and e-mail from the ID token, the error pages (intake unavailable, referral not found,
 * sign-in expired), field errors with their error summary, and the static files that need
 * no sign-in.
 */
package org.prolo.portal.web;
