/**
 * Why is this referral stuck? One view of everything that can hold a referral up, for
 * clinic leads: the process instance and where it stands, incidents and failed jobs, open
 * tasks, the referral's events from the timeline service and its dead letters on every
 * {@code *.DLT} topic; and the two fixes, retrying a failed job and replaying a dead
 * letter. Served as {@code /api/referrals/{referralId}/inspection} and the page
 * {@code /inspect.html}.
 */
package org.prolo.workflow.inspection;
