/**
 * The letters to the referring physician: their kinds and the policy that writes them.
 * Plain Java; names the patient only by pseudonym.
 */
package org.prolo.notification.letter;
