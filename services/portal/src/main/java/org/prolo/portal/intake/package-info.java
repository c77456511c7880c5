/**
 * Intake's JSON API as the portal uses it: the calls, their JSON, the relay of the
 * signed-in physician's access token, the timeouts, and intake's answers turned into
 * exceptions the pages handle (unavailable, not found, invalid fields, conflict). Nothing
 * here logs a request or response body: they carry patient data.
 */
package org.prolo.portal.intake;
