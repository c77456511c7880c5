/**
 * Who may do what in the workflow service: the filter chains of Camunda's webapps and of
 * the engine REST API, the bridge that hands the signed-in caller (user id and groups
 * from the identity service's token) to Camunda, and the Camunda authorizations of the
 * clinic's groups.
 */
package org.prolo.workflow.access;
