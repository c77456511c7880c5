/**
 * HTTP adapters: the letters sent per referral, and RFC 9457 problem responses.
 */
package org.prolo.notification.web;
