/**
 * The waiting list at {@code /waiting-list}: referrals accepted while the calendar was
 * full, per purpose (exam, course) in the order scheduling serves them, by pseudonym
 * only, for clinic leads and intake coordinators; and the clinic leads' form that adds
 * slots on a day, which books waiting referrals into them at once. Scheduling owns the
 * list and the calendar; the portal asks it with the signed-in person's own token and
 * shows its answers, its refusals as field errors.
 */
package org.prolo.portal.waitinglist;
