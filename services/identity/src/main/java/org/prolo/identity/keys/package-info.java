/**
 * The key that signs every token: an RSA key kept in a file of the data directory, so
 * tokens issued before a restart of identity still verify after it.
 */
package org.prolo.identity.keys;
