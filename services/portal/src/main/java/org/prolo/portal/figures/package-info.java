/**
 * The clinic leads' figures as the services that own them answer them, called with the
 * signed-in lead's own access token (token relay): timeline's key figures
 * ({@code GET /api/kpis/trend}: open referrals by status, stage durations per week) and
 * workflow's overdue tasks per candidate group ({@code GET /api/overdue-tasks}). A
 * service that is down, slow or refuses the call gives a {@link Fetched#missing} with the
 * reason instead of an exception, so the page shows everything else.
 */
package org.prolo.portal.figures;
