/**
 * Which passwords and client secrets the service accepts in its settings outside profile
 * demo: one-way hashes that name their algorithm, never plain text, never a demo
 * credential. Plain Java; the settings are checked against it at start.
 */
package org.prolo.identity.credentials;
