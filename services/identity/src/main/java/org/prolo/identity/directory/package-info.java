/**
 * Who can sign in: the users, their e-mail and the groups the other services authorize
 * by, and the demo users of profile demo. Plain Java; sign-in and the tokens' claims both
 * read it.
 */
package org.prolo.identity.directory;
