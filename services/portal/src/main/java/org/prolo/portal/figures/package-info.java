/**
 * The staff pages' figures as the services that own them answer them, called with the
 * signed-in person's own access token (token relay): timeline's key figures
 * ({@code GET /api/kpis/trend}: open referrals by status, stage durations per week),
 * workflow's overdue tasks per candidate group ({@code GET /api/overdue-tasks}), and
 * scheduling's waiting list ({@code GET /api/waiting-list}) and added capacity
 * ({@code POST /api/capacity}). A service that is down, slow or refuses the call gives a
 * {@link Fetched#missing} (or a failed {@link SlotsAnswer}) with the reason instead of an
 * exception, so the page shows everything else.
 */
package org.prolo.portal.figures;
