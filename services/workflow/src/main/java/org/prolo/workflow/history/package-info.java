/**
 * What the engine's history keeps beyond its level FULL's defaults: the creation of the
 * facts a referral starts with, which nothing changes afterwards, is not written a second
 * time as a variable detail.
 */
package org.prolo.workflow.history;
