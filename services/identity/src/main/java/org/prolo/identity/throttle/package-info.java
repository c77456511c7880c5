/**
 * When failed sign-ins lock a user name or an address out for a while. Plain Java; the
 * sign-in consults it before any password is checked.
 */
package org.prolo.identity.throttle;
