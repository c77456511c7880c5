/**
 * HTTP adapters: a referral's timeline and status, the key figures, RFC 9457 problems;
 * the static page at / reads the timeline API.
 */
package org.prolo.timeline.web;
