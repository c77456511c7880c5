/**
 * The physician portal: a backend for the referring physician's browser, in front of
 * intake's JSON API.
 * <p>
 * The pages are rendered on the server (Thymeleaf) rather than by a single-page
 * application: plain HTML forms work without JavaScript and with keyboard and screen
 * reader as browsers built them, every form carries its CSRF token (th:action adds the
 * {@code _csrf} field) so the session cookie alone cannot change a referral, the Content
 * Security Policy can forbid every script, and there is nothing to build: no npm, no
 * bundle, one jar like every other service.
 * <p>
 * The portal holds no data of its own. Each page calls intake with the signed-in
 * physician's own access token (token relay), so intake's rules decide what a physician
 * may see and do, exactly as for any other client of its API.
 */
package org.prolo.portal;
