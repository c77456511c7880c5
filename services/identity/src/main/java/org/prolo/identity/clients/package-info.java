/**
 * The product's OAuth 2 clients: the services' browser sign-in (prolo-web), the
 * command-line sign-in of the launcher, tests and benchmarks (prolo-cli), and the machine
 * clients that call the services with their own tokens; their secrets from configuration,
 * or the demo secrets in profile demo.
 */
package org.prolo.identity.clients;
