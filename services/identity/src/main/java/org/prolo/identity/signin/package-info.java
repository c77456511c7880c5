/**
 * Signing in: the demo users' credentials (BCrypt) behind Spring Security's default login
 * page, and what is open without signing in.
 */
package org.prolo.identity.signin;
