/**
 * The SMTP edge: sends letters through Spring Mail, and runs GreenMail in-process for the
 * embedded default together with a read-only view of what it received.
 */
package org.prolo.notification.mail;
