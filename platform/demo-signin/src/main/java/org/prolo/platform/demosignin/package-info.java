/**
 * Programmatic sign-in of demo users through the identity service's real
 * authorization-code flow with PKCE, for the launcher's seeding, the benchmarks and the
 * system tests. Never for production users: it types a password into a form.
 */
package org.prolo.platform.demosignin;
