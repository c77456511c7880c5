/**
 * What the tokens say about a signed-in user: the directory's groups, name and e-mail in
 * the access token, the ID token and userinfo.
 */
package org.prolo.identity.claims;
