/**
 * Sign-in and access rules shared by every service: JWT bearer tokens and OAuth2 login
 * from the identity service, callers mapped onto
 * {@link org.prolo.platform.security.Caller}, problem+json for 401 and 403, CSRF for
 * browser forms, security headers, a request size limit, and client-credentials tokens
 * for calls to other services. Services add their own rules as
 * {@link org.prolo.platform.security.ServiceAccessRules} beans.
 */
package org.prolo.platform.security;
