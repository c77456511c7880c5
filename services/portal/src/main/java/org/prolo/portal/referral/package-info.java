/**
 * What a physician reads about a referral, in words: its status, the conditions of the
 * clinic's policy and the urgency. Plain Java, no Spring.
 */
package org.prolo.portal.referral;
