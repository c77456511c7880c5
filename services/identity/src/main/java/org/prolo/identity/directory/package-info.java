/**
 * The demo users: who they are, their e-mail and the groups the other services authorize
 * by. Plain Java; sign-in and the tokens' claims both read it.
 */
package org.prolo.identity.directory;
