/**
 * Calls from one service of the clinic to another over HTTP, with time-outs, a bearer
 * token and one way of saying the other service is unavailable.
 */
package org.prolo.platform.security.clients;
