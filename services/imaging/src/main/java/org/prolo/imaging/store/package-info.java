/**
 * JDBC adapter that keeps imaging orders in the imaging_order table. SQL is portable
 * between H2 (PostgreSQL mode) and PostgreSQL.
 */
package org.prolo.imaging.store;
