/**
 * What the authorization server remembers between requests, in the service's database:
 * authorizations (codes, access, refresh and ID tokens) and consents, so that tokens
 * survive a restart and several nodes could share them, and the clean-up that deletes the
 * expired ones.
 */
package org.prolo.identity.authorizations;
