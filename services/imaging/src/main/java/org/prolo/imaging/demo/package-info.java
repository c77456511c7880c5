/**
 * The demo profile's stand-in radiologist: reports every open order with a normal finding
 * after a delay, so a demo referral moves on without anyone at the worklist. Runs only in
 * the demo profile; nothing outside this package knows it exists.
 */
package org.prolo.imaging.demo;
