/**
 * JDBC adapter that keeps appointments in the appointment table. SQL is portable between
 * H2 (PostgreSQL mode) and PostgreSQL.
 */
package org.prolo.scheduling.store;
