/**
 * The OAuth 2.1 and OpenID Connect endpoints (Spring Authorization Server): authorize,
 * token, JWKS, discovery, userinfo, with the fixed issuer.
 */
package org.prolo.identity.server;
