/**
 * Key figures over all timelines: per stage the count, median and 90th percentile
 * duration, and the referrals per outcome. Plain Java.
 */
package org.prolo.timeline.kpi;
