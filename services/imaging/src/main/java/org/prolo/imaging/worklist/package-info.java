/**
 * The radiology worklist: REST API to list open orders and report on them, and the
 * reporting use case.
 */
package org.prolo.imaging.worklist;
