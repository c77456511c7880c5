/**
 * Signing in: the directory's credentials (hashed passwords from the settings, or the
 * demo users in profile demo) behind Spring Security's default login page and the
 * throttles on failed sign-ins, and what is open without signing in.
 */
package org.prolo.identity.signin;
