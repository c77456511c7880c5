/**
 * The radiology worklist: REST API to list open orders and report on them, the reporting
 * use case, and the demo auto-reporter that answers open orders when no radiologist is at
 * hand.
 */
package org.prolo.imaging.worklist;
