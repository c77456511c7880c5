/**
 * What staff see in Tasklist: one filter per staff group and the referral context each
 * listed task shows.
 */
package org.prolo.workflow.tasklist;
