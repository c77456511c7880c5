/**
 * The SMTP edge: sends letters through Spring Mail, and runs GreenMail in-process for the
 * demo profile together with a read-only view of what it received.
 */
package org.prolo.notification.mail;
